using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// Typed proxy keywords beyond the core ones: option, acl, use_backend, log, hash-type, default-server, errorfile,
/// capture, stats (haproxy 2.6 src/cfgparse-listen.c cfg_parse_listen and the parsers it calls).
/// </summary>
internal static partial class ProxyKeywords
{
    // haproxy 2.6 src/http_htx.c: the status codes an errorfile may replace.

    // Options the runtime applies (src/Proxy/Http/Rules/ForwardFor.cs, HttpConnectionMode.cs); the others are accepted with a warning.
    // Options the runtime honours: the HTTP rules' connection modes and headers, the balancers' backups, the data
    // path's retries, and the health checks (src/Proxy/Health). Any other option warns that it is ignored.
    private static readonly HashSet<string> RunOptions = new(StringComparer.Ordinal)
    {
        "forwardfor", "originalto", "http-server-close", "httpclose", "http-keep-alive", "allbackups", "redispatch",
        "abortonclose", "httpchk", "ssl-hello-chk", "tcp-check", "log-health-checks",
    };

    private static readonly HashSet<string> StatsParameters = new(StringComparer.Ordinal)
    {
        "admin", "http-request", "auth", "enable", "hide-version", "show-legends", "realm", "refresh", "scope", "show-desc",
        "show-node", "uri", "show-modules",
    };

    private const string StatsExpects =
        "expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', 'hide-version', 'show-node', 'show-desc' or 'show-legends'.";

    // The options the access log runs (src/Proxy/Logging); every other option still warns that it is ignored.
    private static readonly HashSet<string> LoggingOptions = new(StringComparer.Ordinal)
    {
        "httplog", "httpslog", "tcplog", "dontlognull", "dontlog-normal", "log-separate-errors",
    };

    private static void Option(KeywordContext<ProxyBuilder> c)
    {
        if (OptionKeywords.Parse(c) is not { } option)
        {
            return;
        }

        c.Section.Options.RemoveAll(o => o.Name == option.Name);
        c.Section.Options.Add(option);
        if (!RunOptions.Contains(option.Name) && !LoggingOptions.Contains(option.Name))
        {
            UnimplementedKeyword.Handle(c);
        }
    }

    private static void Acl(KeywordContext<ProxyBuilder> c)
    {
        if (AclParser.Parse(c.Line, c.Diagnostics) is { } acl)
        {
            c.Section.Acls.Add(acl);
        }
    }

    private static void UseBackend(KeywordContext<ProxyBuilder> c)
    {
        // haproxy 2.6 still parses the rule after the warning, but does not keep it.
        WarnUnlessFrontend(c, "use_backend");

        var name = c.Line[1];
        if (name.Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'use_backend' expects a backend name.", "use_backend");
            return;
        }

        Model.Conditions.RuleCondition? condition = null;
        if (c.Line[2].Length > 0)
        {
            if (c.Line[2] is not ("if" or "unless"))
            {
                c.Diagnostics.Alert(c.At, $"unexpected keyword '{c.Line[2]}' after switching rule, only 'if' and 'unless' are allowed.", "use_backend");
                return;
            }

            var acls = c.Section.Acls;
            condition = ConditionParser.Parse(c.Line, 2, acl => acls.Any(a => a.Name == acl), c.Diagnostics);
            if (condition is null)
            {
                return;
            }
        }

        if (c.Section.HasFrontendCapability)
        {
            c.Section.UseBackendRules.Add(new UseBackendRule(c.At, name, condition));
        }
    }

    private static void Log(KeywordContext<ProxyBuilder> c)
    {
        if (c.Modifier == KeywordModifier.No)
        {
            // `no log`: this proxy logs nothing, whatever its defaults said.
            c.Section.Logs.Clear();
            return;
        }

        if (LogParser.Parse(c.Line, c.Diagnostics, c.ResolvesHost) is { } log)
        {
            c.Section.Logs.Add(log);
        }
    }

    private static void HashType(KeywordContext<ProxyBuilder> c)
    {
        var method = c.Line[1];
        if (method is not ("consistent" or "map-based"))
        {
            c.Diagnostics.Alert(c.At, "'hash-type' only supports 'consistent' and 'map-based'.", "hash-type");
            return;
        }

        var function = c.Line[2].Length == 0 ? null : c.Line[2];
        if (function is not (null or "sdbm" or "djb2" or "crc32" or "wt6"))
        {
            c.Diagnostics.Alert(c.At, "'hash-type' only supports 'sdbm', 'djb2', 'crc32', or 'wt6' hash functions.", "hash-type");
            return;
        }

        if (c.Line[3].Length > 0 && c.Line[3] != "avalanche")
        {
            c.Diagnostics.Alert(c.At, "'hash-type' only supports 'avalanche' as a modifier for hash functions.", "hash-type");
            return;
        }

        c.Section.HashType = new HashTypeDefinition(c.At, method, function, c.Line[3] == "avalanche");
    }

    // haproxy 2.6 cfgparse-listen.c: atol-style number; 0 turns bounded load off, otherwise it must exceed 100.
    private static void HashBalanceFactor(KeywordContext<ProxyBuilder> c)
    {
        var factor = CStyleInteger.Atoi(c.Line[1]);
        if (factor != 0 && factor <= 100)
        {
            c.Diagnostics.Alert(c.At, "'hash-balance-factor' must be 0 or greater than 100.", "hash-balance-factor");
            return;
        }

        c.Section.HashBalanceFactor = factor;
    }

    private static void DefaultServer(KeywordContext<ProxyBuilder> c)
    {
        if (ServerParser.ParseDefaults(c.Line, c.Section.Name, c.Diagnostics, c.Section.DefaultServer) is { } defaults)
        {
            c.Section.DefaultServer = defaults;
        }
    }

    private static void Capture(KeywordContext<ProxyBuilder> c)
    {
        WarnUnlessFrontend(c, "capture");
        var kind = c.Line[1];
        var isCookie = kind == "cookie";
        if (!isCookie && !(kind is "request" or "response" && c.Line[2] == "header"))
        {
            var message = kind is "request" or "response"
                ? $"'capture {kind}' expects 'header' <header_name> 'len' <len>."
                : "'capture' expects 'cookie' or 'request header' or 'response header'.";
            c.Diagnostics.Alert(c.At, message, "capture");
            return;
        }

        var nameIndex = isCookie ? 2 : 3;
        if (c.Line[nameIndex + 1] != "len" || c.Line[nameIndex + 2].Length == 0)
        {
            c.Diagnostics.Alert(c.At, isCookie ? "'capture cookie' expects <cookie_name> 'len' <len>." : $"'capture {kind}' expects 'header' <header_name> 'len' <len>.", "capture");
            return;
        }

        if (c.Line[nameIndex + 3].Length > 0)
        {
            c.Diagnostics.Alert(c.At, $"'capture {kind}' cannot handle unexpected argument '{c.Line[nameIndex + 3]}'.", "capture");
            return;
        }

        c.Section.Captures.Add(new CaptureDefinition(c.At, kind, c.Line[nameIndex], CStyleInteger.Atoi(c.Line[nameIndex + 2])));
        if (isCookie)
        {
            // Header captures feed %hr/%hs of the access log; cookie captures (%CC/%CS) are not run yet.
            UnimplementedKeyword.Handle(c);
        }
    }

    private static void Stats(KeywordContext<ProxyBuilder> c)
    {
        var parameter = c.Line[1];
        if (parameter.Length == 0)
        {
            c.Diagnostics.Alert(c.At, $"missing keyword in 'stats', {StatsExpects}", "stats", LocationPrefix.ParsingTight);
            return;
        }

        if (!StatsParameters.Contains(parameter))
        {
            c.Diagnostics.Alert(c.At, $"unknown stats parameter '{parameter}', {StatsExpects}", "stats", LocationPrefix.ParsingTight);
            return;
        }

        if (ApplyStats(c, c.Section.Stats) is { } stats)
        {
            c.Section.Stats = stats with { Enabled = true };
            UnimplementedKeyword.Handle(c);
        }
    }

    // haproxy 2.6 src/cfgparse-listen.c "stats" branch: each parameter's value, worded as HAProxy words its errors.
    private static StatsSettings? ApplyStats(KeywordContext<ProxyBuilder> c, StatsSettings stats)
    {
        var value = c.Line[2];
        string? error = null;
        switch (c.Line[1])
        {
            case "uri":
                error = value.Length == 0 ? "'uri' needs an URI prefix." : null;
                stats = stats with { Uri = value };
                break;
            case "realm":
                error = value.Length == 0 ? "'realm' needs an realm name." : null;
                stats = stats with { Realm = value };
                break;
            case "auth":
                error = value.Length == 0 ? "'auth' needs a user:password account." : null;
                stats = stats with { Accounts = [.. stats.Accounts, value] };
                break;
            case "scope":
                error = value.Length == 0 ? "'scope' needs a proxy name." : null;
                stats = stats with { Scopes = [.. stats.Scopes, value] };
                break;
            case "refresh":
                if (TimeValueParser.Parse(value, out var refresh, out var character, out _) == TimeValueParser.Failure.UnexpectedCharacter)
                {
                    c.Diagnostics.Alert(c.At, $"unexpected character '{character}' in argument to stats refresh interval.", "stats",
                        LocationPrefix.ParsingTight);
                    return null;
                }

                stats = stats with { Refresh = refresh };
                break;
            case "admin":
                if (value is not ("if" or "unless"))
                {
                    error = "'stats admin' requires either 'if' or 'unless' followed by a condition.";
                    break;
                }

                var acls = c.Section.Acls;
                if (ConditionParser.Parse(c.Line, 2, acl => acls.Any(a => a.Name == acl), c.Diagnostics) is not { } condition)
                {
                    return null;
                }

                stats = stats with { Admin = condition };
                break;
            case "hide-version":
                stats = stats with { HideVersion = true };
                break;
        }

        if (error is not null)
        {
            c.Diagnostics.Alert(c.At, error, "stats");
            return null;
        }

        return stats;
    }
}
