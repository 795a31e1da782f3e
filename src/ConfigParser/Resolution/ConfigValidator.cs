using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Sections;

namespace ConfigParser.Resolution;

/// <summary>
/// The checks HAProxy 2.6 makes once every file is parsed without error (src/cfgparse.c check_config_validity):
/// references between proxies, duplicate server names, missing binds and timeouts.
/// </summary>
internal static class ConfigValidator
{
    private const string MissingTimeoutsAdvice =
        "\n   | While not properly invalid, you will certainly encounter various problems" +
        "\n   | with such a configuration. To fix this, please ensure that all following" +
        "\n   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.";

    public static void Validate(IReadOnlyList<ProxyBuilder> proxies, HaproxyConfig config, DiagnosticBag diagnostics)
    {
        foreach (var proxy in proxies)
        {
            if (proxy.HasFrontendCapability && proxy.DefaultBackend is { } target && config.FindBackend(target.Name) is null)
            {
                diagnostics.Alert(null, $"Proxy '{proxy.Name}': unable to find required default_backend: '{target.Name}'.", "default_backend");
            }

            ReportDuplicateServers(proxy, diagnostics);

            if (proxy.HasFrontendCapability && proxy.Binds.Count == 0)
            {
                diagnostics.Warning(null, $"{proxy.Description} has no 'bind' directive. Please declare it as a backend if this was intended.", "bind");
            }

            var timeouts = proxy.Timeouts;
            if ((proxy.HasFrontendCapability && timeouts.Client is null) ||
                (proxy.HasBackendCapability && (timeouts.Connect is null || timeouts.Server is null)))
            {
                diagnostics.Warning(null, $"missing timeouts for {proxy.Description}.{MissingTimeoutsAdvice}", "timeout");
            }
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
