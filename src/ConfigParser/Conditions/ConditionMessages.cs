using ConfigParser.Lexing;

namespace ConfigParser.Conditions;

/// <summary>
/// How each rule keyword wraps a condition error in HAProxy 2.6 (each message checked with `haproxy -c`).
/// A format holds "{0}" where the condition parser's inner message goes (e.g. "no such ACL : 'x'"); the
/// inner message never ends with a full stop, the format adds one where HAProxy does.
/// </summary>
internal static class ConditionMessages
{
    /// <summary>use_backend, use-server (src/cfgparse-listen.c).</summary>
    public const string SwitchingRule = "error detected while parsing switching rule : {0}.";

    /// <summary>monitor fail.</summary>
    public const string MonitorFail = "error detected while parsing a 'monitor fail' condition : {0}.";

    /// <summary>http-request/http-response/http-after-response &lt;action&gt; (src/http_rules.c).</summary>
    public static string HttpRule(string keyword, string action) => $"error detected while parsing an '{keyword} {action}' condition : {{0}}.";

    /// <summary>force-persist, ignore-persist.</summary>
    public static string PersistRule(string keyword) => $"error detected while parsing a '{keyword}' rule : {{0}}.";

    /// <summary>`redirect` in a proxy (src/http_rules.c http_parse_redirect_rule); kind is "frontend", "backend" or "listen".</summary>
    public static string Redirect(string proxyKind, string proxyName)
        => $"error detected in {proxyKind} '{proxyName}' while parsing redirect rule : error in condition: {{0}}.";

    /// <summary>`http-request redirect` (the redirect parser words it, not the http-request one).</summary>
    public static string HttpRedirect(string keyword, string proxyKind, string proxyName)
        => $"error detected in {proxyKind} '{proxyName}' while parsing '{keyword} redirect' rule : error in condition: {{0}}.";

    /// <summary>tcp-request/tcp-response &lt;where&gt; &lt;action&gt; (src/tcp_rules.c; no final full stop).</summary>
    public static string TcpRule(string rule, string proxyKind, string proxyName, string ifOrUnless)
        => $"'{rule}' : error detected in {proxyKind} '{proxyName}' while parsing '{ifOrUnless}' condition : {{0}}";

    /// <summary>The format for a line whose rule needs no proxy name; redirect and tcp rules need one.</summary>
    public static string For(ConfigLine line) => line.Keyword switch
    {
        "use_backend" or "use-server" => SwitchingRule,
        "http-request" or "http-response" or "http-after-response" => HttpRule(line.Keyword, line[1]),
        "force-persist" or "ignore-persist" => PersistRule(line.Keyword),
        "monitor" => MonitorFail,
        _ => $"error detected while parsing a '{line.Keyword}' condition : {{0}}.",
    };

    /// <summary>
    /// True when HAProxy stops reading the configuration after a condition error on this line: http-request,
    /// http-response and http-after-response rules (ERR_ABORT; probed: a second bad rule is not reported), unlike
    /// use_backend, redirect or tcp-request.
    /// </summary>
    public static bool Aborts(ConfigLine line) => line.Keyword is "http-request" or "http-response" or "http-after-response";

    /// <summary>Puts the inner message into the format.</summary>
    public static string Format(string format, string inner) => format.Replace("{0}", inner, StringComparison.Ordinal);
}
