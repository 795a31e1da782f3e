using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// Turns a proxy's errorfile/errorfiles/errorloc lines into one page per status: lines apply in order, so a later
/// line for a status wins (haproxy 2.6 src/http_htx.c proxy_check_errors). Unknown sections were already reported.
/// </summary>
internal static class ErrorPageResolver
{
    public static IReadOnlyDictionary<int, HttpErrorMessage> Resolve(IReadOnlyList<ErrorPageRule> rules, IReadOnlyDictionary<string, HttpErrorsSection> sections)
    {
        var pages = new Dictionary<int, HttpErrorMessage>();
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case ErrorFileDefinition file:
                    pages[file.Status] = file.Message;
                    break;
                case ErrorLocationDefinition location:
                    pages[location.Status] = location.Message;
                    break;
                case ErrorFilesReference reference when sections.TryGetValue(reference.Section, out var section):
                    foreach (var (status, message) in section.Pages)
                    {
                        if (reference.Statuses.Count == 0 || reference.Statuses.Contains(status))
                        {
                            pages[status] = message;
                        }
                    }

                    break;
            }
        }

        return pages;
    }
}
