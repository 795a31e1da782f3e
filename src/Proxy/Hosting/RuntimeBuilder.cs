using System.Net;
using System.Net.Sockets;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Proxy.Http;
using Proxy.LoadBalancing;
using Proxy.Runtime;

namespace Proxy.Hosting;

/// <summary>
/// Parsed configuration → <see cref="ProxyRuntime"/>. Also reports what this build cannot run yet: `-c` lists it
/// as warnings (HAProxy would accept the file), while a start refuses with alerts rather than serve part of it.
/// </summary>
internal static class RuntimeBuilder
{
    /// <param name="config">The parsed configuration.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="unsupported">The severity of "this proxy cannot run that yet": Warning for `-c`, Alert to start.</param>
    public static ProxyRuntime? Build(HaproxyConfig config, DiagnosticBag diagnostics, DiagnosticSeverity unsupported = DiagnosticSeverity.Alert)
    {
        var alertsBefore = diagnostics.FatalCount;
        var backends = new Dictionary<string, BackendState>(StringComparer.Ordinal);
        foreach (var definition in config.Backends)
        {
            if (definition.Mode != ProxyMode.Http && definition.Servers.Count > 0)
            {
                diagnostics.Add(new ConfigDiagnostic(unsupported, definition.Location,
                    $"{Kind(definition.IsListen, "backend")} '{definition.Name}' uses mode tcp, which this proxy does not run yet; use 'mode http'.", "mode"));
                continue;
            }

            var servers = definition.Servers.Select((s, i) => new ServerState(s, i)).ToArray();
            backends[definition.Name] = new BackendState(
                definition,
                servers,
                Prepare(definition.HttpRequestRules),
                BalancerFactory.Create(definition.Balance, servers.Length),
                UpstreamClientFactory.CreateInvoker(definition.Timeouts),
                UpstreamClientFactory.CreateRequestConfig(definition.Timeouts));
        }

        var frontends = new List<FrontendState>();
        var listeners = new List<ListenerBinding>();
        foreach (var definition in config.Frontends)
        {
            if (definition.Mode != ProxyMode.Http)
            {
                diagnostics.Add(new ConfigDiagnostic(unsupported, definition.Location,
                    $"{Kind(definition.IsListen, "frontend")} '{definition.Name}' uses mode tcp, which this proxy does not run yet; use 'mode http'.", "mode"));
                continue;
            }

            var backend = definition.DefaultBackend is { } target ? backends.GetValueOrDefault(target.Name) : null;
            var frontend = new FrontendState(definition, Prepare(definition.HttpRequestRules), backend);
            frontends.Add(frontend);
            foreach (var bind in definition.Binds)
            {
                foreach (var endpoint in bind.Endpoints)
                {
                    if (Resolve(endpoint, bind.Location, diagnostics) is { } address)
                    {
                        listeners.Add(new ListenerBinding(new IPEndPoint(address, endpoint.Port), frontend));
                    }
                }
            }
        }

        return diagnostics.FatalCount > alertsBefore ? null : new ProxyRuntime(frontends, [.. backends.Values], listeners);
    }

    private static IReadOnlyList<IHttpRequestAction> Prepare(IReadOnlyList<HttpRequestRule> rules)
        => [.. rules.Select(IHttpRequestAction (rule) => rule switch
        {
            HttpReturnRule r => new ReturnAction(r),
            _ => throw new InvalidOperationException($"no action for {rule.GetType().Name}"),
        })];

    private static IPAddress? Resolve(BindEndpoint endpoint, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (endpoint.IsAnyIPv4)
        {
            return IPAddress.Any;
        }

        if (IPAddress.TryParse(endpoint.Host, out var address))
        {
            return address;
        }

        try
        {
            return Dns.GetHostAddresses(endpoint.Host).OrderBy(a => a.AddressFamily != AddressFamily.InterNetwork).First();
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException or ArgumentException)
        {
            diagnostics.Alert(at, $"'bind {endpoint}' : could not resolve address '{endpoint.Host}'.", "bind");
            return null;
        }
    }

    private static string Kind(bool isListen, string kind) => isListen ? "proxy" : kind;
}
