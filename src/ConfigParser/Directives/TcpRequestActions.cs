namespace ConfigParser.Directives;

/// <summary>
/// The actions haproxy 2.6 accepts per `tcp-request` stage (src/tcp_rules.c tcp_parse_request_rule), in the order its
/// error message lists them.
/// </summary>
internal static class TcpRequestActions
{
    private static readonly string[] Common = ["accept", "reject", "capture", "expect-proxy", "expect-netscaler-cip", "track-sc0", "track-sc1", "track-sc2"];

    private static readonly string[] Content =
    [
        "ot-group", "set-log-level", "set-nice", "switch-mode", "use-service", "sc-inc-gpc(*)", "sc-inc-gpc0(*)", "sc-inc-gpc1(*)",
        "sc-set-gpt(*)", "sc-set-gpt0(*)", "send-spoe-group", "do-resolve(*)", "set-var-fmt(*)", "set-var(*)", "unset-var(*)", "set-src",
        "set-src-port", "set-dst", "set-dst-port", "set-mark", "set-tos", "silent-drop", "set-priority-class", "set-priority-offset",
    ];

    private static readonly string[] ConnectionOrSession =
    [
        "sc-inc-gpc(*)", "sc-inc-gpc0(*)", "sc-inc-gpc1(*)", "sc-set-gpt(*)", "sc-set-gpt0(*)", "set-var-fmt(*)", "set-var(*)",
        "unset-var(*)", "set-dst", "set-dst-port", "set-mark", "set-src", "set-src-port", "set-tos", "silent-drop",
    ];

    /// <summary>True when <paramref name="action"/> is valid at <paramref name="stage"/> (connection, session or content).</summary>
    public static bool IsKnown(string stage, string action) => action.Length > 0 &&
        Common.Concat(stage == "content" ? Content : ConnectionOrSession).Any(known => known.EndsWith("(*)", StringComparison.Ordinal)
            ? action.StartsWith(known[..^3], StringComparison.Ordinal)
            : action == known);

    /// <summary>The list HAProxy prints when the action is unknown.</summary>
    public static string Expected(string stage) =>
        "'accept', 'reject', 'capture', 'expect-proxy', 'expect-netscaler-cip', 'track-sc0' ... 'track-sc2', " +
        string.Join(", ", (stage == "content" ? Content : ConnectionOrSession).Select(a => $"'{a}'"));
}
