using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Directives;

/// <summary>
/// `http-response` and `http-after-response` lines: the action must be one haproxy 2.6 knows (src/http_rules.c
/// parse_http_res_cond / parse_http_after_res_cond list them in this order); the rules themselves are not run yet.
/// </summary>
internal static class ResponseRuleValidator
{
    private static readonly string[] HttpResponseActions =
    [
        "ot-group", "set-log-level", "set-nice", "sc-inc-gpc(*)", "sc-inc-gpc0(*)", "sc-inc-gpc1(*)", "sc-set-gpt(*)", "sc-set-gpt0(*)",
        "send-spoe-group", "cache-store", "add-acl(*)", "add-header", "allow", "capture", "del-acl(*)", "del-header", "del-map(*)",
        "deny", "redirect", "replace-header", "replace-value", "return", "set-header", "set-map(*)", "set-status", "strict-mode",
        "track-sc(*)", "wait-for-body", "set-var-fmt(*)", "set-var(*)", "unset-var(*)", "set-mark", "set-tos", "silent-drop",
    ];

    private static readonly string[] HttpAfterResponseActions =
    [
        "ot-group", "add-header", "allow", "capture", "del-header", "replace-header", "replace-value", "set-header", "set-status",
        "strict-mode", "set-var-fmt(*)", "set-var(*)", "unset-var(*)",
    ];

    /// <summary>True when the action of the `http-response` / `http-after-response` line is known; false after an aborting alert.</summary>
    public static bool IsKnownAction(ConfigLine line, DiagnosticBag diagnostics)
    {
        var actions = line.Keyword == "http-response" ? HttpResponseActions : HttpAfterResponseActions;
        var action = line[1];
        if (action.Length > 0 && actions.Any(known => Matches(known, action)))
        {
            return true;
        }

        var expected = string.Join(", ", actions.Select(a => $"'{a}'"));
        var got = action.Length == 0 ? "'' (missing argument)" : $"'{action}'";
        diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, $"'{line.Keyword}' expects {expected}, but got {got}.",
            line.Keyword, LocationPrefix.ParsingTight, Aborts: true));
        return false;
    }

    // "set-var(*)" matches any "set-var(…)"; "track-sc(*)" also matches "track-sc0" (HAProxy compares the prefix).
    private static bool Matches(string known, string action) => known.EndsWith("(*)", StringComparison.Ordinal)
        ? action.StartsWith(known[..^3], StringComparison.Ordinal)
        : action == known;
}
