using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proxy.Diagnostics;
using Proxy.Health;
using Proxy.Http;
using Proxy.Runtime;

namespace Proxy.Hosting;

/// <summary>
/// Builds the process: one Kestrel endpoint per bind address, the mode-http terminal handler, and YARP's
/// forwarder. Layered like Kestrel: transport (sockets) → connection middleware (later: limits, TLS) → handler.
/// </summary>
internal static class ProxyHost
{
    public static WebApplication Build(ProxyRuntime runtime, HaproxyMessageWriter messages, bool debug)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new HaproxyStderrLoggerProvider(messages, debug ? LogLevel.Debug : LogLevel.Warning));
        // A failed forward is answered with HAProxy's error page; YARP's per-request log line would be noise on the hot path.
        builder.Logging.AddFilter("Yarp", debug ? LogLevel.Debug : LogLevel.None);

        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton(new CurrentRuntime(runtime));
        builder.Services.AddSingleton<HttpProxyHandler>();
        // One instance: the hosted service runs the checks, and syslog logging can resolve it to subscribe to its events.
        builder.Services.AddSingleton(_ => new HealthCheckService(runtime, messages));
        builder.Services.AddHostedService(services => services.GetRequiredService<HealthCheckService>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));

        builder.WebHost
            .UseKestrelCore()
            // ../shared/spec/performance.md lever 1: run socket continuations inline (0 context switches per request).
            // Program turns the runtime side on unless the operator set the variable; "0" turns both sides off.
            .UseSockets(o => o.UnsafePreferInlineScheduling =
                Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") != "0")
            .ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                // HAProxy streams bodies of any size and has no minimum data rate.
                kestrel.Limits.MaxRequestBodySize = null;
                kestrel.Limits.MinRequestBodyDataRate = null;
                kestrel.Limits.MinResponseDataRate = null;
                var clientTimeout = runtime.Frontends.Select(f => f.Definition.Timeouts.Client).Max();
                if (clientTimeout is { } idle)
                {
                    // haproxy 2.6: without timeout http-keep-alive/http-request, timeout client bounds the idle wait.
                    kestrel.Limits.KeepAliveTimeout = idle;
                    kestrel.Limits.RequestHeadersTimeout = idle;
                }

                foreach (var listener in runtime.Listeners)
                {
                    kestrel.Listen(listener.Endpoint);
                }
            });

        var app = builder.Build();
        var handler = app.Services.GetRequiredService<HttpProxyHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }
}
