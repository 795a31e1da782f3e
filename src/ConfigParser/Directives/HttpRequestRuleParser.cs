using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>
/// `http-request &lt;action&gt; …` → an <see cref="HttpRequestRule"/>. Errors in a rule stop HAProxy from reading
/// further files, so they are reported with <see cref="ConfigDiagnostic.Aborts"/> set.
/// </summary>
internal static partial class HttpRequestRuleParser
{
    /// <summary>
    /// Every action HAProxy 2.6.12 (Debian build) knows, in the order its error message lists them; "(*)" marks
    /// actions taking an argument in parentheses, matched by prefix.
    /// </summary>
    private static readonly string[] HaproxyActions =
    [
        "wait-for-handshake", "ot-group", "set-log-level", "set-nice", "use-service", "sc-inc-gpc(*)", "sc-inc-gpc0(*)",
        "sc-inc-gpc1(*)", "sc-set-gpt(*)", "sc-set-gpt0(*)", "send-spoe-group", "do-resolve(*)", "cache-use", "add-acl(*)",
        "add-header", "allow", "auth", "capture", "del-acl(*)", "del-header", "del-map(*)", "deny", "disable-l7-retry",
        "early-hint", "normalize-uri", "redirect", "reject", "replace-header", "replace-path", "replace-pathq", "replace-uri",
        "replace-value", "return", "set-header", "set-map(*)", "set-method", "set-path", "set-pathq", "set-query", "set-uri",
        "strict-mode", "tarpit", "track-sc(*)", "set-timeout", "wait-for-body", "set-var-fmt(*)", "set-var(*)", "unset-var(*)",
        "set-dst", "set-dst-port", "set-mark", "set-src", "set-src-port", "set-tos", "silent-drop", "set-priority-class",
        "set-priority-offset",
    ];

    /// <summary>Parses the line for the proxy described as "&lt;kind&gt; '&lt;name&gt;'"; null after a diagnostic.</summary>
    public static HttpRequestRule? Parse(ConfigLine line, string proxyDescription, DiagnosticBag diagnostics, Func<string, bool>? isKnownAcl = null)
    {
        var action = line[1];
        if (action == "return")
        {
            return ParseReturn(line, proxyDescription, diagnostics, isKnownAcl ?? (_ => false));
        }

        if (!IsHaproxyAction(action))
        {
            var expected = string.Join(", ", HaproxyActions.Select(a => $"'{a}'"));
            var got = action.Length == 0 ? "'' (missing argument)" : $"'{action}'";
            Abort(line, $"'http-request' expects {expected}, but got {got}.", diagnostics);
            return null;
        }

        if (TryParseTyped(line, proxyDescription, diagnostics, isKnownAcl ?? (_ => false), out var typed))
        {
            return typed;
        }

        // Every other 2.6 action is accepted and ignored, with a warning naming it.
        Sections.UnimplementedKeyword.Warn(line, diagnostics);
        return null;
    }

    /// <summary>
    /// Parses an `http-response` line whose action is known (see <see cref="ResponseRuleValidator"/>): the actions with
    /// a typed record come back as records, the others are reported as not implemented and give null.
    /// </summary>
    public static HttpRequestRule? ParseResponse(ConfigLine line, string proxyDescription, DiagnosticBag diagnostics, Func<string, bool>? isKnownAcl = null)
    {
        if (line[1] is "set-header" or "add-header" or "del-header" or "replace-header" or "replace-value" or "deny" or "allow" or "set-status" or "set-log-level"
            || line[1].StartsWith("set-var(", StringComparison.Ordinal) || line[1].StartsWith("set-var-fmt(", StringComparison.Ordinal)
            || line[1].StartsWith("unset-var(", StringComparison.Ordinal))
        {
            TryParseTyped(line, proxyDescription, diagnostics, isKnownAcl ?? (_ => false), out var rule);
            return rule;
        }

        Sections.UnimplementedKeyword.Warn(line, diagnostics);
        return null;
    }

    private static bool IsHaproxyAction(string action) => action.Length > 0 && HaproxyActions.Any(known =>
        known.EndsWith("(*)", StringComparison.Ordinal) ? action.StartsWith(known[..^3], StringComparison.Ordinal) : action == known);

    // haproxy 2.6 configuration.txt `http-request return`, src/http_htx.c http_parse_http_reply:
    // return [status <code>] [content-type <type>] [string <str>] [{if|unless} <cond>]
    private static HttpReturnRule? ParseReturn(ConfigLine line, string proxyDescription, DiagnosticBag diagnostics, Func<string, bool> isKnownAcl)
    {
        var status = 200;
        string? contentType = null;
        string? body = null;
        string? payloadKeyword = null;
        var i = 2;
        for (var done = false; i < line.Count && !done;)
        {
            var word = line[i];
            switch (word)
            {
                case "status":
                    if (line[++i].Length == 0)
                    {
                        return Fail("'status' expects <status_code> as argument.");
                    }

                    // Read with atol() into an int: "20x" is 20, "abc" is 0.
                    status = CStyleInteger.Atoi(line[i++]);
                    if (status is < 200 or > 599)
                    {
                        return Fail($"Unexpected status code '{status}'.");
                    }

                    break;
                case "content-type":
                    if (line[i + 1].Length == 0)
                    {
                        return Fail("'content-type' expects <ctype> as argument.");
                    }

                    contentType = line[i + 1];
                    i += 2;
                    break;
                case "string" or "lf-string" or "file" or "lf-file" or "errorfile" or "errorfiles" or "default-errorfiles":
                    if (payloadKeyword is not null)
                    {
                        return Fail($"unexpected '{word}' argument, '{payloadKeyword}' already defined.");
                    }

                    if (word is not ("string" or "lf-string"))
                    {
                        return Fail($"'{word}' is not supported by this proxy yet.");
                    }

                    payloadKeyword = word;
                    if (line[++i].Length == 0)
                    {
                        return Fail(word == "string" ? "'string' expects <str> as argument." : "'lf-string' expects <fmt> as argument.");
                    }

                    body = line[i++];
                    break;
                case "hdr":
                    return Fail("'hdr' is not supported by this proxy yet.");
                default:
                    done = true;
                    break;
            }
        }

        if (payloadKeyword is null && contentType is not null)
        {
            diagnostics.Warning(line.Location,
                $"content-type '{contentType}' ignored by the http reply because neither errorfile nor payload defined.", "http-request");
            contentType = null;
        }

        if (body is not null && status is 204 or 304)
        {
            return Fail($"No body expected for {status} responses.");
        }

        if (body is not null && contentType is null)
        {
            return Fail("a content type must be defined when non-empty payload is configured.");
        }

        if (i < line.Count && line[i] is not ("if" or "unless"))
        {
            Abort(line, $"'http-request return' expects either 'if' or 'unless' followed by a condition but found '{line[i]}'.", diagnostics);
            return null;
        }

        var rule = new HttpReturnRule(line.Location, status, contentType, body) { BodyIsFormat = payloadKeyword == "lf-string" };
        if (i < line.Count)
        {
            var condition = ConditionParser.Parse(line, i, isKnownAcl, diagnostics);
            return condition is null ? null : rule with { Condition = condition };
        }

        return rule;

        HttpReturnRule? Fail(string message)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                $"error detected in {proxyDescription} while parsing 'http-request return' rule : {message}",
                "http-request", Aborts: true));
            return null;
        }
    }

    private static void Abort(ConfigLine line, string message, DiagnosticBag diagnostics)
        => diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, message, line.Keyword,
            LocationPrefix.ParsingTight, Aborts: true));
}
