using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proxy.Diagnostics;
using Proxy.Http;
using Proxy.Runtime;
using Proxy.Tls;

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
                    // haproxy 2.6 takes HTTP/2 with prior knowledge on any HTTP bind (the server side stays HTTP/1.1),
                    // and answers a client that sends nothing within timeout http-request (else client) with 408.
                    var timeouts = listener.Frontend.Definition.Timeouts;
                    var firstBytesTimeout = timeouts.HttpRequest ?? timeouts.Client;
                    kestrel.Listen(listener.Endpoint, endpoint =>
                    {
                        if (listener.Tls is { } tls)
                        {
                            // TLS binds pick HTTP/2 through ALPN only (`alpn h2,http/1.1`), no preface sniffing.
                            TlsListener.Configure(endpoint, tls, firstBytesTimeout ?? kestrel.Limits.KeepAliveTimeout);
                            return;
                        }

                        // HTTP/1 by default (Kestrel warns that cleartext Http1AndHttp2 cannot negotiate); the detector switches to HTTP/2.
                        endpoint.Protocols = HttpProtocols.Http1;
                        endpoint.Use(next => new H2cPrefaceDetector(
                            next, firstBytesTimeout ?? kestrel.Limits.KeepAliveTimeout, answerSilence: firstBytesTimeout is not null).OnConnectionAsync);
                    });
                }
            });

        var app = builder.Build();
        var handler = app.Services.GetRequiredService<HttpProxyHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }
}
