using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proxy.Diagnostics;
using Vrrp.Config;
using Vrrp.Hosting;

namespace Proxy.Hosting;

/// <summary>The -k side of a start: keepalived.conf mapped for the VRRP service, and how it joins the host.</summary>
internal sealed record VrrpStartup(VrrpNodeConfig Node, GlobalDefs Global, bool Failed)
{
    /// <summary>Maps the config and reports what cannot run; null without -k.</summary>
    public static VrrpStartup? Prepare(KeepalivedConfig? config, HaproxyMessageWriter messages)
    {
        if (config is null)
        {
            return null;
        }

        var node = VrrpConfigMapper.Map(config, out var errors);
        foreach (var error in errors)
        {
            messages.Write(DiagnosticSeverity.Alert, error, context: "keepalived");
        }

        return new VrrpStartup(node, config.Global, errors.Count > 0);
    }

    /// <summary>Adds the VRRP hosted service to the proxy's host.</summary>
    public void Register(IServiceCollection services) => services.AddVrrp(Node, Global);

    /// <summary>Runs a VRRP-only node until SIGTERM/SIGINT.</summary>
    public static async Task<bool> RunAloneAsync(VrrpStartup vrrp, HaproxyMessageWriter messages, bool debug)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(new HaproxyStderrLoggerProvider(messages, debug ? LogLevel.Debug : LogLevel.Warning));
        builder.Services.AddSingleton<IHostLifetime, Microsoft.Extensions.Hosting.Internal.ConsoleLifetime>();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        vrrp.Register(builder.Services);
        using var host = builder.Build();
        try
        {
            await host.RunAsync();
            return true;
        }
        catch (VrrpStartException e)
        {
            messages.Write(DiagnosticSeverity.Alert, e.Message, context: "keepalived");
            return false;
        }
    }
}
