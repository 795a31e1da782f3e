using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// The keyword table shared by defaults, frontend, backend and listen sections. Capability checks (a keyword
/// that needs the frontend or the backend side) use HAProxy 2.6's wording and severity: like HAProxy, a
/// keyword on the wrong side is warned about and then still parsed, so its own errors are reported too.
/// </summary>
internal static partial class ProxyKeywords
{
    /// <summary>Section keywords HAProxy also offers when it suggests a fix for an unknown proxy keyword.</summary>
    public static IReadOnlyList<string> ExtraSuggestions { get; } = ["listen", "frontend", "backend", "defaults"];

    // Built on first use: the catalog lives in another part of this partial class, whose static fields must exist first.
    private static readonly Lazy<KeywordTable<KeywordContext<ProxyBuilder>>> LazyTable = new(BuildTable);

    public static KeywordTable<KeywordContext<ProxyBuilder>> Table => LazyTable.Value;

    private static KeywordTable<KeywordContext<ProxyBuilder>> BuildTable() => WithCatalog(new KeywordTable<KeywordContext<ProxyBuilder>>()
        .Add("mode", Mode)
        .Add("bind", Bind)
        .Add("default_backend", DefaultBackend)
        .Add("balance", Balance)
        .Add("hash-type", HashType)
        .Add("hash-balance-factor", HashBalanceFactor)
        .Add("server", Server)
        .Add("default-server", DefaultServer)
        .Add("timeout", Timeout)
        .Add("retries", Retries)
        .Add("retry-on", RetryOn)
        .Add("maxconn", MaxConn)
        .Add("http-request", HttpRequest)
        .Add("redirect", Redirect)
        .Add("option", Option)
        .Add("acl", Acl)
        .Add("use_backend", UseBackend)
        .Add("log", Log)
        .Add("log-format", c => c.Section.LogFormat = new LogFormatDefinition(c.At, c.Line[1]))
        .Add("log-tag", c => c.Section.LogTag = c.Line[1])
        .Add("errorfile", ErrorFile)
        .Add("errorfiles", ErrorFiles)
        .Add("errorloc", ErrorLoc)
        .Add("errorloc302", ErrorLoc)
        .Add("errorloc303", ErrorLoc)
        .Add("capture", Capture)
        .Add("stats", Stats)
        .Add("tcp-request", TcpRequest)
        .Add("stick-table", StickTable)
        .Add("tcp-check", TcpCheck)
        .Add("http-check", HttpCheck)
        .Add("http-response", ResponseRule)
        .Add("http-after-response", ResponseRule));

    /// <summary>
    /// What HAProxy 2.6 offers when it suggests a fix for an unknown proxy keyword, in its order (the first of equally
    /// close words wins): the registered keywords (`haproxy -dKcfg`), then src/cfgparse-listen.c common_kw_list.
    /// </summary>
    public static IReadOnlyList<string> Suggestions { get; } =
    [
        "clitcpka-cnt", "clitcpka-idle", "clitcpka-intvl", "clitimeout", "compression", "contimeout", "declare", "errorfile",
        "errorfiles", "errorloc", "errorloc302", "errorloc303", "external-check", "filter", "http-check", "http-error",
        "max-keep-alive-queue", "rate-limit", "retry-on", "srvtcpka-cnt", "srvtcpka-idle", "srvtcpka-intvl", "srvtimeout",
        "tcp-check", "tcp-request", "tcp-response", "timeout", "use-fcgi-app",
        "listen", "frontend", "backend", "defaults", "server", "default-server", "server-template", "bind", "monitor-net",
        "monitor-uri", "mode", "id", "description", "disabled", "enabled", "acl", "dynamic-cookie-key", "cookie", "email-alert",
        "persist", "appsession", "load-server-state-from-file", "server-state-file-name", "max-session-srv-conns", "capture",
        "retries", "http-request", "http-response", "http-after-response", "http-send-name-header", "block", "redirect",
        "use_backend", "use-server", "force-persist", "ignore-persist", "force-persist", "stick-table", "stick", "stats", "option",
        "default_backend", "http-reuse", "monitor", "transparent", "maxconn", "backlog", "fullconn", "dispatch", "balance",
        "hash-type", "hash-balance-factor", "unique-id-format", "unique-id-header", "log-format", "log-format-sd", "log-tag", "log",
        "source", "usesrc", "error-log-format",
    ];

    private static void Mode(KeywordContext<ProxyBuilder> c)
    {
        if (c.TooManyArguments(1))
        {
            return;
        }

        switch (c.Line[1])
        {
            case "http":
                c.Section.Mode = ProxyMode.Http;
                break;
            case "tcp":
                c.Section.Mode = ProxyMode.Tcp;
                break;
            case "health":
                c.Diagnostics.Alert(c.At, "'mode health' doesn't exist anymore. Please use 'http-request return status 200' instead.", "mode");
                break;
            default:
                c.Diagnostics.Alert(c.At, $"unknown proxy mode '{c.Line[1]}'.", "mode");
                break;
        }
    }

    private static void Bind(KeywordContext<ProxyBuilder> c)
    {
        if (c.Section.Kind == ProxyKind.Defaults)
        {
            c.Diagnostics.Alert(c.At, "'bind' not allowed in 'defaults' section.", "bind");
            return;
        }

        var used = WarnUnlessFrontend(c, "bind");
        if (BindParser.Parse(c.Line, c.Section.SectionWord, c.Diagnostics, c.Section.CrtBase) is { } bind && used)
        {
            c.Section.Binds.Add(bind);
        }
    }

    private static void DefaultBackend(KeywordContext<ProxyBuilder> c)
    {
        WarnUnlessFrontend(c, "default_backend");
        if (c.Line[1].Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'default_backend' expects a backend name.", "default_backend");
            return;
        }

        // Kept even where it is "ignored": HAProxy still checks it after parsing (loop detection).
        c.Section.DefaultBackend = new BackendReference(c.At, c.Line[1]);
        c.TooManyArguments(1);
    }

    private static void Balance(KeywordContext<ProxyBuilder> c)
    {
        if (!c.Section.HasBackendCapability)
        {
            c.Diagnostics.Warning(c.At, $"'balance' ignored because {c.Section.Description} has no backend capability.", "balance");
        }

        if (BalanceParser.Parse(c.Line, c.Diagnostics) is { } balance)
        {
            c.Section.Balance = balance;
        }
    }

    private static void Server(KeywordContext<ProxyBuilder> c)
    {
        if (c.Section.Kind == ProxyKind.Defaults)
        {
            c.Diagnostics.Alert(c.At, "'server' not allowed in 'defaults' section.", "server", LocationPrefix.Bracket);
            return;
        }

        if (!c.Section.HasBackendCapability)
        {
            c.Diagnostics.Alert(c.At, $"parsing [{c.At.File}:{c.At.Line}] : 'server' not allowed because {c.Section.Description} has no backend capability.",
                "server", LocationPrefix.Bracket);
            return;
        }

        if (ServerParser.Parse(c.Line, c.Section.Name, c.Diagnostics, c.Section.DefaultServer) is { } server)
        {
            c.Section.Servers.Add(server);
        }
    }

    private static void HttpRequest(KeywordContext<ProxyBuilder> c)
    {
        if (c.Section.Kind == ProxyKind.Defaults && c.Section.Name.Length == 0)
        {
            // Named defaults may carry rules (the proxies using them inherit them); anonymous ones may not.
            c.Diagnostics.Alert(c.At, "'http-request' not allowed in anonymous 'defaults' section.", "http-request");
            return;
        }

        var rules = c.Section.HttpRequestRules;
        if (rules is [.., { IsFinal: true, Condition: null }])
        {
            c.Diagnostics.Warning(c.At, "previous 'http-request' action is final and has no condition attached, further entries are NOOP.",
                "http-request", LocationPrefix.ParsingTight);
        }

        var acls = c.Section.Acls;
        if (HttpRequestRuleParser.Parse(c.Line, c.Section.Description, c.Diagnostics, acl => acls.Any(a => a.Name == acl)) is { } rule)
        {
            // Actions without a typed record were already reported as not implemented by the parser.
            rules.Add(rule);
        }
    }

    // Returns false (after the warning) when the keyword only makes sense on a frontend side this proxy lacks.
    private static bool WarnUnlessFrontend(KeywordContext<ProxyBuilder> c, string keyword)
    {
        if (c.Section.HasFrontendCapability)
        {
            return true;
        }

        c.Diagnostics.Warning(c.At, $"'{keyword}' ignored because {c.Section.Description} has no frontend capability.", keyword);
        return false;
    }
}
