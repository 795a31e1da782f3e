using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// errorfile, errorfiles and errorloc/errorloc302/errorloc303 (haproxy 2.6 src/http_htx.c). Files are read once
/// here, at load, so a missing or malformed file is reported with its file:line like HAProxy does.
/// </summary>
internal static partial class ProxyKeywords
{
    /// <summary>The statuses HAProxy 2.6 keeps an error message for (src/http.c http_err_codes).</summary>
    internal static readonly HashSet<int> ErrorPageStatuses = [200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425, 429, 500, 501, 502, 503, 504];

    private static void ErrorFile(KeywordContext<ProxyBuilder> c)
    {
        // haproxy 2.6 ends this one message with a newline of its own, so a blank line follows it.
        if (ReadErrorFile(c.Line, c.Diagnostics, "errorfile :", "\n") is { } definition)
        {
            c.Section.ErrorPages.Add(definition);
        }
    }

    /// <summary>Parses an `errorfile CODE FILE` line (proxy or http-errors section); null after reporting a problem.</summary>
    internal static ErrorFileDefinition? ReadErrorFile(ConfigLine line, DiagnosticBag diagnostics, string keywordPrefix, string usageEnd = "")
    {
        if (line[2].Length == 0)
        {
            diagnostics.Alert(line.Location, $"{keywordPrefix} expects <status_code> and <file> as arguments.{usageEnd}", "errorfile");
            return null;
        }

        var status = CStyleInteger.Atoi(line[1]);
        if (!ErrorPageStatuses.Contains(status))
        {
            diagnostics.Alert(line.Location, $"errorfile : status code '{line[1]}' not handled.", "errorfile");
            return null;
        }

        var result = ErrorFileReader.Read(line[2]);
        if (result.Warning is { } warning)
        {
            diagnostics.Warning(null, warning, "errorfile");
        }

        if (result.Message is not { } message)
        {
            diagnostics.Alert(line.Location, $"errorfile : {result.Error}", "errorfile");
            return null;
        }

        return new ErrorFileDefinition(line.Location, status, line[2], message);
    }

    private static void ErrorFiles(KeywordContext<ProxyBuilder> c)
    {
        var statuses = new List<int>();
        for (var i = 2; i < c.Line.Count; i++)
        {
            var status = CStyleInteger.Atoi(c.Line[i]);
            if (!ErrorPageStatuses.Contains(status))
            {
                c.Diagnostics.Alert(c.At, $"errorfiles : status code '{c.Line[i]}' not handled.", "errorfiles");
                return;
            }

            statuses.Add(status);
        }

        c.Section.ErrorPages.Add(new ErrorFilesReference(c.At, c.Line[1], statuses));
    }

    private static void ErrorLoc(KeywordContext<ProxyBuilder> c)
    {
        var keyword = c.Line.Keyword;
        if (c.Line[2].Length == 0)
        {
            c.Diagnostics.Alert(c.At, $"{keyword} : expects <status_code> and <url> as arguments.\n", keyword);
            return;
        }

        var status = CStyleInteger.Atoi(c.Line[1]);
        if (!ErrorPageStatuses.Contains(status))
        {
            c.Diagnostics.Alert(c.At, $"{keyword} : status code '{c.Line[1]}' not handled.", keyword);
            return;
        }

        // haproxy 2.6: errorloc and errorloc302 answer 302 Found, errorloc303 answers 303 See Other.
        var redirect = keyword == "errorloc303" ? 303 : 302;
        c.Section.ErrorPages.Add(new ErrorLocationDefinition(c.At, status, HttpErrorMessage.Redirect(redirect, c.Line[2])));
    }
}
