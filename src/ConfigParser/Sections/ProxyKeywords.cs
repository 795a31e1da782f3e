using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// The keyword table shared by defaults, frontend, backend and listen sections. Capability checks (a keyword
/// that needs the frontend or the backend side) use HAProxy 2.6's wording and severity.
/// </summary>
internal static class ProxyKeywords
{
    /// <summary>The `timeout` names HAProxy 2.6 accepts, in the order its error message lists them.</summary>
    private static readonly string[] TimeoutNames =
        ["client", "server", "connect", "check", "queue", "http-keep-alive", "http-request", "tunnel", "tarpit", "client-fin", "server-fin"];

    public static KeywordTable<KeywordContext<ProxyBuilder>> Table { get; } = new KeywordTable<KeywordContext<ProxyBuilder>>()
        .Add("mode", Mode)
        .Add("bind", Bind)
        .Add("default_backend", DefaultBackend)
        .Add("balance", Balance)
        .Add("server", Server)
        .Add("timeout", Timeout)
        .Add("http-request", HttpRequest);

    private static void Mode(KeywordContext<ProxyBuilder> c)
    {
        switch (c.Line[1])
        {
            case "http":
                c.Section.Mode = ProxyMode.Http;
                break;
            case "tcp":
                c.Section.Mode = ProxyMode.Tcp;
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

        if (!RequireFrontend(c, "bind"))
        {
            return;
        }

        if (BindParser.Parse(c.Line, c.Diagnostics) is { } bind)
        {
            c.Section.Binds.Add(bind);
        }
    }

    private static void DefaultBackend(KeywordContext<ProxyBuilder> c)
    {
        if (!RequireFrontend(c, "default_backend"))
        {
            return;
        }

        if (c.Line[1].Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'default_backend' expects a backend name.", "default_backend");
            return;
        }

        c.Section.DefaultBackend = new BackendReference(c.At, c.Line[1]);
    }

    private static void Balance(KeywordContext<ProxyBuilder> c)
    {
        if (!c.Section.HasBackendCapability)
        {
            c.Diagnostics.Warning(c.At, $"'balance' ignored because {c.Section.Description} has no backend capability.", "balance");
            return;
        }

        // haproxy 2.6 src/backend.c backend_parse_balance: no argument means roundrobin.
        var algorithm = c.Line.Count < 2 ? BalanceAlgorithms.RoundRobin : c.Line[1];
        if (!BalanceAlgorithms.Implemented.Contains(algorithm))
        {
            c.Diagnostics.Alert(c.At,
                "balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.",
                "balance");
            return;
        }

        c.Section.Balance = new BalanceDefinition(c.At, algorithm, [.. c.Line.Words.Skip(2)]);
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

        if (ServerParser.Parse(c.Line, c.Section.Name, c.Diagnostics) is { } server)
        {
            c.Section.Servers.Add(server);
        }
    }

    private static void Timeout(KeywordContext<ProxyBuilder> c)
    {
        var name = c.Line[1];
        if (!TimeoutNames.Contains(name))
        {
            var supported = string.Join(", ", TimeoutNames[..^1].Select(n => $"'{n}'")) + $" and '{TimeoutNames[^1]}'";
            c.Diagnostics.Alert(c.At, $"'timeout' supports {supported} (got '{name}')", "timeout");
            return;
        }

        var isFrontendSide = name is "client" or "client-fin" or "http-request" or "http-keep-alive";
        var isBothSides = name is "http-request" or "http-keep-alive" or "tarpit";
        if (!isBothSides && (isFrontendSide ? !c.Section.HasFrontendCapability : !c.Section.HasBackendCapability))
        {
            var side = isFrontendSide ? "frontend" : "backend";
            c.Diagnostics.Warning(c.At, $"'timeout {name}' will be ignored because {c.Section.Description} has no {side} capability", "timeout");
            return;
        }

        if (c.Line[2].Length == 0)
        {
            c.Diagnostics.Alert(c.At, $"'timeout {name}' expects an integer value (in milliseconds)", "timeout");
            return;
        }

        if (!TimeValueParser.TryParse(c.Line[2], out var value, out var bad))
        {
            c.Diagnostics.Alert(c.At, $"unexpected character '{bad}' in 'timeout {name}'", "timeout");
            return;
        }

        c.Section.Timeouts = name switch
        {
            "client" => c.Section.Timeouts with { Client = value },
            "server" => c.Section.Timeouts with { Server = value },
            "connect" => c.Section.Timeouts with { Connect = value },
            _ => NotImplemented(c, $"timeout {name}", c.Section.Timeouts),
        };
    }

    private static void HttpRequest(KeywordContext<ProxyBuilder> c)
    {
        if (c.Section.Kind == ProxyKind.Defaults)
        {
            c.Diagnostics.Alert(c.At, "'http-request' not allowed in anonymous 'defaults' section.", "http-request");
            return;
        }

        var rules = c.Section.HttpRequestRules;
        if (rules is [.., { IsFinal: true }])
        {
            c.Diagnostics.Warning(c.At, "previous 'http-request' action is final and has no condition attached, further entries are NOOP.",
                "http-request", LocationPrefix.ParsingTight);
        }

        if (HttpRequestRuleParser.Parse(c.Line, c.Section.Description, c.Diagnostics) is { } rule)
        {
            rules.Add(rule);
        }
    }

    private static bool RequireFrontend(KeywordContext<ProxyBuilder> c, string keyword)
    {
        if (c.Section.HasFrontendCapability)
        {
            return true;
        }

        c.Diagnostics.Warning(c.At, $"'{keyword}' ignored because {c.Section.Description} has no frontend capability.", keyword);
        return false;
    }

    private static T NotImplemented<T>(KeywordContext<ProxyBuilder> c, string what, T unchanged)
    {
        c.Diagnostics.Warning(c.At, $"'{what}' is not implemented by this proxy yet; it is ignored.", c.Line.Keyword);
        return unchanged;
    }
}
