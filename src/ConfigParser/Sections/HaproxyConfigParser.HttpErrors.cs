using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>`http-errors NAME` sections: named sets of errorfile lines (haproxy 2.6 src/http_htx.c cfg_parse_http_errors).</summary>
internal sealed partial class HaproxyConfigParser
{
    private readonly Dictionary<string, (SourceLocation Location, Dictionary<int, HttpErrorMessage> Pages)> _httpErrors = new(StringComparer.Ordinal);
    private Dictionary<int, HttpErrorMessage>? _httpErrorsSection;

    /// <summary>The http-errors sections read so far, by name (for the post-parse errorfiles checks).</summary>
    public IReadOnlyDictionary<string, HttpErrorsSection> HttpErrorsSections => BuildHttpErrors();

    // True when the line opened an http-errors section (even a duplicate one, whose lines are then checked but dropped).
    private bool OpenHttpErrors(ConfigLine line)
    {
        if (line.Keyword != "http-errors")
        {
            return false;
        }

        if (_httpErrors.TryGetValue(line[1], out var existing))
        {
            diagnostics.Alert(line.Location,
                $"http-errors section '{line[1]}' already exists (declared at {existing.Location.File}:{existing.Location.Line}).",
                "http-errors", LocationPrefix.ParsingTight);
            _httpErrorsSection = [];
            return true;
        }

        _httpErrorsSection = [];
        _httpErrors[line[1]] = (line.Location, _httpErrorsSection);
        return true;
    }

    private void AddHttpErrorsFile(ConfigLine line)
    {
        if (ProxyKeywords.ReadErrorFile(line, diagnostics, "errorfile:") is { } definition)
        {
            _httpErrorsSection![definition.Status] = definition.Message;
        }
    }

    private Dictionary<string, HttpErrorsSection> BuildHttpErrors() => _httpErrors.ToDictionary(
        e => e.Key, e => new HttpErrorsSection(e.Key, e.Value.Location, new Dictionary<int, HttpErrorMessage>(e.Value.Pages)), StringComparer.Ordinal);
}
