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

    /// <summary>Health checks the runtime does not run yet: reported, but never a reason to refuse a start.</summary>
    public static IEnumerable<(SourceLocation At, string Message, string Keyword)> SoftOf(BackendSection backend)
        => backend.Servers.Where(s => s.Check || s.AgentCheck).Select(s =>
            (s.Location, $"'server {backend.Name}/{s.Name}': health checks are not run by this proxy yet; the server always counts as up.", "server"));
}
