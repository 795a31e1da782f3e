using ConfigParser.Keepalived.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrrp.Config;

namespace Vrrp.Hosting;

/// <summary>Registers the VRRP service in a host (the proxy's, or a VRRP-only one).</summary>
public static class VrrpServiceCollectionExtensions
{
    /// <summary>Adds <see cref="VrrpService"/> running <paramref name="node"/>.</summary>
    public static IServiceCollection AddVrrp(this IServiceCollection services, VrrpNodeConfig node, GlobalDefs global)
    {
        services.AddSingleton(sp => new VrrpService(node, global.ScriptUser, global.ScriptGroup, TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<VrrpService>());
        return services;
    }
}
