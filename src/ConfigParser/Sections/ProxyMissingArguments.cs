using ConfigParser.Diagnostics;

namespace ConfigParser.Sections;

/// <summary>
/// What haproxy 2.6 says when a proxy keyword is given without its argument (src/cfgparse-listen.c and the
/// keywords' own parsers), checked before the keyword's handler runs. Collected from `haproxy -c` runs; {0} is the
/// proxy ("proxy 'name'", "defaults 'name'" …), {1} the location ("file:line") for messages that repeat it.
/// </summary>
internal static class ProxyMissingArguments
{
    /// <summary>Keyword → the alert's composite format and its location prefix.</summary>
    public static IReadOnlyDictionary<string, (string Format, LocationPrefix Prefix)> Messages { get; } =
        new Dictionary<string, (string, LocationPrefix)>(StringComparer.Ordinal)
        {
            ["server-template"] = ("'server-template' expects <prefix> <nb | range> <addr>[:<port>] as arguments.", LocationPrefix.Bracket),
            ["monitor-uri"] = ("'monitor-uri' expects an URI.", LocationPrefix.Parsing),
            ["id"] = ("'id' expects an integer argument.", LocationPrefix.ParsingTight),
            ["description"] = ("'description' expects a string argument.", LocationPrefix.ParsingTight),
            ["dynamic-cookie-key"] = ("'dynamic-cookie-key' expects <secret_key> as argument.", LocationPrefix.Parsing),
            ["cookie"] = ("'cookie' expects <cookie_name> as argument.", LocationPrefix.Parsing),
            ["email-alert"] = ("missing argument after 'email-alert'.", LocationPrefix.Parsing),
            ["persist"] = ("missing persist method.", LocationPrefix.Parsing),
            ["load-server-state-from-file"] = ("'load-server-state-from-file' expects 'global', 'local' or 'none'. Got ''", LocationPrefix.Parsing),
            ["retries"] = ("'retries' expects an integer argument (dispatch counts for one).", LocationPrefix.Parsing),
            ["http-send-name-header"] = ("'http-send-name-header' requires a header string.", LocationPrefix.Parsing),
            ["redirect"] = ("error detected in {0} while parsing redirect rule : redirection type expected ('prefix', 'location', or 'scheme').", LocationPrefix.Parsing),
            ["use-server"] = ("'use-server' expects a server name.", LocationPrefix.Parsing),
            ["force-persist"] = ("'force-persist' requires either 'if' or 'unless' followed by a condition.", LocationPrefix.Parsing),
            ["ignore-persist"] = ("'ignore-persist' requires either 'if' or 'unless' followed by a condition.", LocationPrefix.Parsing),
            ["stick"] = ("'stick' expects 'on', 'match', or 'store'.", LocationPrefix.Parsing),
            ["http-reuse"] = ("'http-reuse' only supports 'never', 'safe', 'aggressive', 'always'.", LocationPrefix.Parsing),
            ["monitor"] = ("'monitor' only supports 'fail'.", LocationPrefix.Parsing),
            ["maxconn"] = ("'maxconn' expects an integer argument.", LocationPrefix.Parsing),
            ["backlog"] = ("'backlog' expects an integer argument.", LocationPrefix.Parsing),
            ["fullconn"] = ("'fullconn' expects an integer argument.", LocationPrefix.Parsing),
            ["dispatch"] = ("'dispatch' : '' resolves to an empty address (environment variable missing?)", LocationPrefix.Parsing),
            ["hash-balance-factor"] = ("'hash-balance-factor' expects an integer argument.", LocationPrefix.Parsing),
            ["unique-id-format"] = ("unique-id-format expects an argument.", LocationPrefix.Parsing),
            ["unique-id-header"] = ("unique-id-header expects an argument.", LocationPrefix.Parsing),
            ["log-format"] = ("log-format expects an argument.", LocationPrefix.Parsing),
            ["log-format-sd"] = ("log-format-sd expects an argument.", LocationPrefix.Parsing),
            ["log-tag"] = ("'log-tag' expects a tag for use in syslog.", LocationPrefix.Parsing),
            ["source"] = ("'source' expects <addr>[:<port>], and optionally 'usesrc' <addr>, and 'interface' <name>.", LocationPrefix.Parsing),
            ["error-log-format"] = ("error-log-format expects an argument.", LocationPrefix.Parsing),
            ["clitcpka-cnt"] = ("'clitcpka-cnt' expects an integer value", LocationPrefix.Parsing),
            ["clitcpka-idle"] = ("'clitcpka-idle' expects an integer value", LocationPrefix.Parsing),
            ["clitcpka-intvl"] = ("'clitcpka-intvl' expects an integer value", LocationPrefix.Parsing),
            ["compression"] = ("'compression' expects 'algo', 'type' or 'offload'", LocationPrefix.Parsing),
            ["declare"] = ("'declare' needs a second keyword that specify the type of declaration ('capture')", LocationPrefix.Parsing),
            ["errorfiles"] = ("errorfiles : expects <name> as argument.", LocationPrefix.Parsing),
            ["errorloc"] = ("errorloc : expects <status_code> and <url> as arguments.\n", LocationPrefix.Parsing),
            ["errorloc302"] = ("errorloc302 : expects <status_code> and <url> as arguments.\n", LocationPrefix.Parsing),
            ["errorloc303"] = ("errorloc303 : expects <status_code> and <url> as arguments.\n", LocationPrefix.Parsing),
            ["external-check"] = ("missing argument after 'external-check'.", LocationPrefix.Parsing),
            ["filter"] = ("parsing [{1}] : missing argument for 'filter' in {0}.", LocationPrefix.Parsing),
            ["http-check"] = ("'http-check' only supports 'disable-on-404', 'send-state', 'comment', 'connect', 'send', 'expect', 'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)'. but got ''", LocationPrefix.Parsing),
            ["http-error"] = ("http-error : expects at least a <status> as arguments.", LocationPrefix.Parsing),
            ["max-keep-alive-queue"] = ("'max-keep-alive-queue' expects expects an integer value (or -1 to disable)", LocationPrefix.Parsing),
            ["rate-limit"] = ("'rate-limit' only supports 'sessions' (got '')", LocationPrefix.Parsing),
            ["retry-on"] = ("'retry-on' needs at least one keyword to specify when to retry", LocationPrefix.Parsing),
            ["srvtcpka-cnt"] = ("'srvtcpka-cnt' expects an integer value", LocationPrefix.Parsing),
            ["srvtcpka-idle"] = ("'srvtcpka-idle' expects an integer value", LocationPrefix.Parsing),
            ["srvtcpka-intvl"] = ("'srvtcpka-intvl' expects an integer value", LocationPrefix.Parsing),
            ["tcp-check"] = ("'tcp-check' only supports 'comment', 'connect', 'send', 'send-binary', 'expect', 'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)'. but got ''", LocationPrefix.Parsing),
            ["tcp-response"] = ("missing argument for 'tcp-response' in {0}", LocationPrefix.Parsing),
            ["use-fcgi-app"] = ("'use-fcgi-app' expects <name> as argument", LocationPrefix.Parsing),
        };
}
