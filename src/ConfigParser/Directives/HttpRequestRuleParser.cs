using System.Globalization;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>
/// `http-request &lt;action&gt; …` → an <see cref="HttpRequestRule"/>. Errors in a rule stop HAProxy from reading
/// further files, so they are reported with <see cref="ConfigDiagnostic.Aborts"/> set.
/// </summary>
internal static class HttpRequestRuleParser
{
    /// <summary>Parses the line for the proxy described as "&lt;kind&gt; '&lt;name&gt;'"; null after a diagnostic.</summary>
    public static HttpRequestRule? Parse(ConfigLine line, string proxyDescription, DiagnosticBag diagnostics)
    {
        var action = line[1];
        switch (action)
        {
            case "return":
                return ParseReturn(line, proxyDescription, diagnostics);
            case "":
                diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                    "'http-request' expects an action but got '' (missing argument).", "http-request", LocationPrefix.ParsingTight, Aborts: true));
                return null;
            default:
                diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                    $"'http-request {action}' is not supported by this proxy yet; the supported actions are: 'return'.",
                    "http-request", LocationPrefix.ParsingTight, Aborts: true));
                return null;
        }
    }

    // haproxy 2.6 configuration.txt `http-request return`:
    // return [status <code>] [content-type <type>] [string <str>] [{if|unless} <cond>]
    private static HttpReturnRule? ParseReturn(ConfigLine line, string proxyDescription, DiagnosticBag diagnostics)
    {
        var status = 200;
        string? contentType = null;
        string? body = null;
        for (var i = 2; i < line.Count; i++)
        {
            var word = line[i];
            switch (word)
            {
                case "status":
                    if (!int.TryParse(line[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out status))
                    {
                        status = 0;
                    }

                    i++;
                    if (status is < 200 or > 599)
                    {
                        return Fail($"Unexpected status code '{status}'.");
                    }

                    break;
                case "content-type":
                    if (i + 1 >= line.Count)
                    {
                        return Fail("'content-type' expects a value as argument.");
                    }

                    contentType = line[++i];
                    break;
                case "string":
                    if (i + 1 >= line.Count)
                    {
                        return Fail("'string' expects <str> as argument.");
                    }

                    body = line[++i];
                    break;
                case "if" or "unless":
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                        "'http-request return': conditions ('if'/'unless') are not supported by this proxy yet.",
                        "http-request", LocationPrefix.ParsingTight, Aborts: true));
                    return null;
                case "file" or "lf-file" or "lf-string" or "errorfile" or "errorfiles" or "default-errorfiles" or "hdr":
                    return Fail($"'{word}' is not supported by this proxy yet.");
                default:
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                        $"'http-request return' expects either 'if' or 'unless' followed by a condition but found '{word}'.",
                        "http-request", LocationPrefix.ParsingTight, Aborts: true));
                    return null;
            }
        }

        if (body is { Length: > 0 } && status is 204 or 304)
        {
            return Fail($"No body expected for {status} responses.");
        }

        if (body is { Length: > 0 } && contentType is null)
        {
            return Fail("a content type must be defined when non-empty payload is configured.");
        }

        return new HttpReturnRule(line.Location, status, contentType, body);

        HttpReturnRule? Fail(string message)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                $"error detected in {proxyDescription} while parsing 'http-request return' rule : {message}",
                "http-request", Aborts: true));
            return null;
        }
    }
}
