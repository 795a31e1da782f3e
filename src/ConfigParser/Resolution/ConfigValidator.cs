using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Sections;

namespace ConfigParser.Resolution;

/// <summary>
/// The checks HAProxy 2.6 makes once every file is parsed without error (src/cfgparse.c check_config_validity):
/// references between proxies, duplicate server names, missing binds and timeouts. Each proxy is checked in
/// declaration order, and its messages come in HAProxy's order.
/// </summary>
internal static class ConfigValidator
{
    private const string MissingTimeoutsAdvice =
        "\n   | While not properly invalid, you will certainly encounter various problems" +
        "\n   | with such a configuration. To fix this, please ensure that all following" +
        "\n   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.";

    public static void Validate(IReadOnlyList<ProxyBuilder> proxies, DiagnosticBag diagnostics, GlobalSection? global = null)
    {
        CheckProxies(proxies, diagnostics);
        foreach (var proxy in proxies)
        {
            TlsChecks.CheckServers(proxy, global ?? GlobalSection.Empty, diagnostics);
        }
    }

    /// <summary>
    /// haproxy 2.6 resolves server names once the configuration is valid (src/server.c srv_init_addr); `init-addr
    /// none` or a fixed address among the methods lets a server start without one. Returns false after reporting.
    /// </summary>
    public static bool ResolveServers(IReadOnlyList<ProxyBuilder> proxies, DiagnosticBag diagnostics, Func<string, bool> resolvesHost)
    {
        var failed = false;
        var cache = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var proxy in proxies)
        {
            foreach (var server in proxy.Servers)
            {
                var methods = (server.InitAddr ?? "last,libc").Split(',');
                if (methods.Any(m => m == "none" || System.Net.IPAddress.TryParse(m, out _)))
                {
                    continue;
                }

                if (!cache.TryGetValue(server.Host, out var resolves))
                {
                    cache[server.Host] = resolves = resolvesHost(server.Host);
                }

                if (!resolves)
                {
                    failed = true;
                    diagnostics.Alert(server.Location, $"'server {proxy.Name}/{server.Name}' : could not resolve address '{server.Host}'.",
                        "server", LocationPrefix.Bracket);
                }
            }
        }

        return !failed;
    }

    /// <summary>
    /// haproxy 2.6 src/http_htx.c proxy_check_errors: every `errorfiles` must name an http-errors section, and a code
    /// it lists that the section does not declare is only warned about.
    /// </summary>
    public static void CheckErrorFiles(IReadOnlyList<ProxyBuilder> proxies, IReadOnlyDictionary<string, HttpErrorsSection> sections, DiagnosticBag diagnostics)
    {
        foreach (var proxy in proxies)
        {
            foreach (var reference in proxy.ErrorPages.OfType<ErrorFilesReference>())
            {
                var at = $"{reference.Location.File}:{reference.Location.Line}";
                if (!sections.TryGetValue(reference.Section, out var section))
                {
                    diagnostics.Alert(null, $"proxy '{proxy.Name}': unknown http-errors section '{reference.Section}' (at {at}).", "errorfiles");
                    continue;
                }

                foreach (var status in reference.Statuses.Where(s => !section.Pages.ContainsKey(s)))
                {
                    diagnostics.Warning(null,
                        $"config: proxy '{proxy.Name}' : status '{status}' not declared in http-errors section '{reference.Section}' (at {at}).", "errorfiles");
                }
            }
        }
    }

    private static void CheckProxies(IReadOnlyList<ProxyBuilder> proxies, DiagnosticBag diagnostics)
    {
        foreach (var proxy in proxies)
        {
            if (proxy.HasFrontendCapability && proxy.Binds.Count == 0)
            {
                diagnostics.Warning(null, $"{proxy.Description} has no 'bind' directive. Please declare it as a backend if this was intended.", "bind");
            }

            CheckDefaultBackend(proxy, proxies, diagnostics);
            CheckUseBackends(proxy, proxies, diagnostics);
            CheckSslBinds(proxy, diagnostics);
            CheckTrackedTables(proxy, proxies, diagnostics);

            // A backend side without servers needs no timeout; a missing or zero value counts as unset.
            var timeouts = proxy.Timeouts;
            if ((proxy.HasFrontendCapability && timeouts.Client is null) ||
                (proxy.HasBackendCapability && proxy.Servers.Count > 0 && (timeouts.Connect is null || timeouts.Server is null)))
            {
                diagnostics.Warning(null, $"missing timeouts for {proxy.Description}.{MissingTimeoutsAdvice}", "timeout");
            }

            ReportDuplicateServers(proxy, diagnostics);
            ReportCheckedServersWithoutPort(proxy, diagnostics);

            if (proxy.Mode != ProxyMode.Http && proxy.HttpRequestRules.Count > 0)
            {
                diagnostics.Warning(null, $"'http-request' rules ignored for {proxy.Description} as they require HTTP mode.", "http-request");
            }
        }
    }

    // haproxy 2.6 checks every default_backend that was set, even one a backend "ignored" with a warning.
    private static void CheckDefaultBackend(ProxyBuilder proxy, IReadOnlyList<ProxyBuilder> proxies, DiagnosticBag diagnostics)
    {
        if (proxy.DefaultBackend is not { } reference)
        {
            return;
        }

        var target = proxies.FirstOrDefault(p => p.HasBackendCapability && p.Name == reference.Name);
        if (target is null)
        {
            diagnostics.Alert(null, $"Proxy '{proxy.Name}': unable to find required default_backend: '{reference.Name}'.", "default_backend");
        }
        else if (ReferenceEquals(target, proxy))
        {
            diagnostics.Alert(null, $"Proxy '{proxy.Name}': loop detected for default_backend: '{reference.Name}'.", "default_backend");
        }
        else if (target.Mode != proxy.Mode && !(proxy.Mode == ProxyMode.Tcp && target.Mode == ProxyMode.Http))
        {
            // A tcp frontend may hand its connections to an http backend, not the other way round.
            diagnostics.Alert(null,
                $"{ModeWord(proxy.Mode)} {proxy.Description} ({proxy.Location}) tries to use incompatible {ModeWord(target.Mode)} " +
                $"{target.Description} ({target.Location}) as its default backend (see 'mode').", "default_backend");
        }
        else if (proxy.Servers.Count > 0)
        {
            diagnostics.Warning(null,
                $"In proxy '{proxy.Name}', the 'default_backend' rule always has precedence over the servers, which will never be used.",
                "default_backend");
        }
    }

    // haproxy 2.6 src/cfgparse.c: static use_backend names must name a proxy with a backend side.
    private static void CheckUseBackends(ProxyBuilder proxy, IReadOnlyList<ProxyBuilder> proxies, DiagnosticBag diagnostics)
    {
        foreach (var rule in proxy.UseBackendRules.Where(r => r.IsStatic))
        {
            if (!proxies.Any(p => p.HasBackendCapability && p.Name == rule.Backend))
            {
                diagnostics.Alert(null, $"Proxy '{proxy.Name}': unable to find required use_backend: '{rule.Backend}'.", "use_backend");
            }
        }
    }

    // haproxy 2.6 src/cfgparse-ssl.c ssl_sock_prepare_bind_conf: an ssl listener needs a certificate.
    private static void CheckSslBinds(ProxyBuilder proxy, DiagnosticBag diagnostics)
    {
        foreach (var bind in proxy.Binds.Where(b => b.Ssl && b.Certificates.Count == 0 && b.CertificateLists.Count == 0))
        {
            diagnostics.Alert(null,
                $"Proxy '{proxy.Name}': no SSL certificate specified for bind '{bind.Specification}' at [{bind.Location.File}:{bind.Location.Line}] (use 'crt').",
                "bind");
        }

        TlsChecks.CheckBinds(proxy, diagnostics);
    }

    // haproxy 2.6 src/cfgparse.c: `track-scN KEY [table T]` needs a stick-table in T (the rule's own proxy by default).
    private static void CheckTrackedTables(ProxyBuilder proxy, IReadOnlyList<ProxyBuilder> proxies, DiagnosticBag diagnostics)
    {
        foreach (var rule in proxy.TcpRequestRules.Where(r => r.Action.StartsWith("track-sc", StringComparison.Ordinal)))
        {
            var tableAt = rule.Arguments.ToList().IndexOf("table");
            var table = tableAt >= 0 && tableAt + 1 < rule.Arguments.Count ? rule.Arguments[tableAt + 1] : proxy.Name;
            if (!proxies.Any(p => p.Name == table && p.StickTable is not null))
            {
                diagnostics.Alert(null, $"Proxy '{proxy.Name}': unable to find table '{table}' referenced by {rule.Action}.", "tcp-request");
            }
        }
    }

    private static string ModeWord(ProxyMode mode) => mode == ProxyMode.Http ? "http" : "tcp";

    // haproxy 2.6 src/check.c init_srv_check: a health check needs a port, the server's or its `port` setting.
    private static void ReportCheckedServersWithoutPort(ProxyBuilder proxy, DiagnosticBag diagnostics)
    {
        foreach (var server in proxy.Servers.Where(s => s.Check && s.Port is null && s.CheckPort is null && !proxy.TcpCheckConnectsWithPort))
        {
            diagnostics.Alert(null, $"config: {proxy.Description}: server '{server.Name}' has neither service port nor check port.", "server");
        }
    }

    private static void ReportDuplicateServers(ProxyBuilder proxy, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, ServerDefinition>(StringComparer.Ordinal);
        foreach (var server in proxy.Servers)
        {
            if (seen.TryGetValue(server.Name, out var first))
            {
                diagnostics.Alert(server.Location,
                    $"{proxy.KindWord} '{proxy.Name}', another server named '{server.Name}' was already defined at line {first.Location.Line}, please use distinct names.",
                    "server");
                continue;
            }

            seen.Add(server.Name, server);
        }
    }
}
