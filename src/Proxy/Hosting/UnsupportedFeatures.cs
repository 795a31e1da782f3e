using ConfigParser.Diagnostics;
using ConfigParser.Model;

namespace Proxy.Hosting;

/// <summary>
/// Finds what the parser accepts as typed settings but the runtime cannot run yet, where ignoring it would change
/// where requests go or how servers are reached. Health checks are the one soft case: without them every
/// server counts as up, which costs availability but sends nothing where the operator did not intend.
/// </summary>
internal static class UnsupportedFeatures
{
    /// <summary>What a frontend asks for that this build does not run.</summary>
    /// <remarks>TLS termination (`bind … ssl`) is run now (Proxy/Tls); nothing a frontend asks for is refused here yet.</remarks>
    public static IEnumerable<(SourceLocation At, string Message, string Keyword)> Of(FrontendSection frontend) => [];

    /// <summary>What a backend's servers ask for that this build does not run.</summary>
    public static IEnumerable<(SourceLocation At, string Message, string Keyword)> Of(BackendSection backend)
    {
        foreach (var server in backend.Servers)
        {
            var name = $"server {backend.Name}/{server.Name}";
            if (server.SendProxy || server.SendProxyV2)
            {
                yield return (server.Location, $"'{name}': 'send-proxy' is not run by this proxy yet.", "server");
            }
        }
    }

    /// <summary>
    /// Health-check settings the runtime does not run yet: reported, but never a reason to refuse a start. Plain
    /// `check`, `option httpchk` with `http-check send/expect`, `option ssl-hello-chk`, `agent-check`, `check-ssl` and passive health (`observe`
    /// with `error-limit`/`on-error`; like haproxy 2.6 it acts only on a checked server) run (src/Proxy/Health).
    /// </summary>
    public static IEnumerable<(SourceLocation At, string Message, string Keyword)> SoftOf(BackendSection backend)
    {
        var checks = backend.Servers.Any(s => s.Check);
        foreach (var option in backend.Options.Where(o => o.Enabled && checks && o.Name is "smtpchk" or "pgsql-check"
                     or "redis-check" or "mysql-check" or "ldap-check" or "spop-check" or "external-check"))
        {
            yield return (option.Location, $"'option {option.Name}' is not run by this proxy yet; its servers are checked with a TCP connect.", "option");
        }

        if (checks && Health.TcpCheckPlan.For(backend, out var unsupportedRule) is null && unsupportedRule is not null)
        {
            yield return (backend.Location, $"{unsupportedRule} is not run by this proxy yet; the servers of {backend.Name} are checked with a TCP connect.", "tcp-check");
        }

        if (checks && Health.HttpCheckPlan.For(backend, out var unsupported) is not null && unsupported is not null)
        {
            yield return (backend.Location, $"{unsupported} is not run by this proxy yet; it is ignored by the health checks of {backend.Name}.", "http-check");
        }

        foreach (var s in backend.Servers)
        {
            var name = $"server {backend.Name}/{s.Name}";
            if (s.Check && s.OtherSettings.ContainsKey("check-send-proxy"))
            {
                yield return (s.Location, $"'{name}': 'check-send-proxy' is not run by this proxy yet; the check sends no PROXY header.", "server");
            }
        }
    }
}
