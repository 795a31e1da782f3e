using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Proxy.Diagnostics;
using Proxy.Health;
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
    public static WebApplication Build(ProxyRuntime runtime, HaproxyMessageWriter messages, bool debug, Action<IServiceCollection>? addServices = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new HaproxyStderrLoggerProvider(messages, debug ? LogLevel.Debug : LogLevel.Warning));
        builder.Logging.AddProvider(new Logging.SyslogLoggerProvider(runtime.AccessLogs.Global, LogLevel.Warning));
        // A failed forward is answered with HAProxy's error page; YARP's per-request log line would be noise on the hot path.
        builder.Logging.AddFilter("Yarp", debug ? LogLevel.Debug : LogLevel.None);
        // ASP.NET Core's hosting diagnostics start an Activity and a log scope for every request as soon as their
        // category is enabled at any level (bench/RESULTS.md: ~350 bytes and an id per request). It only logs
        // request start/finish at Information, which the proxy never shows; unhandled errors come from Kestrel's category.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", debug ? LogLevel.Debug : LogLevel.None);

        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton(new CurrentRuntime(runtime));
        builder.Services.AddSingleton<HttpProxyHandler>();
        builder.Services.AddSingleton(TimeProvider.System);
        // %ac: the connections of this host (the access log reads it; the connection middleware counts).
        var clientConnections = new Logging.ClientConnections();
        builder.Services.AddSingleton(clientConnections);
        // One instance: the hosted service runs the checks, and syslog logging can resolve it to subscribe to its events.
        builder.Services.AddSingleton(services => new HealthCheckService(runtime, messages, services.GetRequiredService<IHostApplicationLifetime>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<HealthCheckService>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        // SIGUSR1: haproxy's soft stop and its "Proxy X stopped" lines.
        builder.Services.AddHostedService(services => new SoftStop(runtime, messages, services.GetRequiredService<IHostApplicationLifetime>()));
        // Tests add an IRequestOutcomeObserver or another TimeProvider here; VRRP registers its service.
        addServices?.Invoke(builder.Services);

        builder.WebHost
            .UseKestrelCore()
            // ../shared/spec/performance.md lever 1: run socket continuations inline (0 context switches per request).
            // Program turns the runtime side on unless the operator set the variable; "0" turns both sides off.
            .UseSockets(o =>
            {
                o.UnsafePreferInlineScheduling = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") != "0";
                // A bind on a VRRP virtual address must succeed on the backup too: IP_FREEBIND before bind()
                // (../shared/spec/vrrp.md "Moving the VIP").
                o.CreateBoundListenSocket = FreeBind.CreateBoundListenSocket;
            })
            .ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                // HAProxy streams bodies of any size and has no minimum data rate.
                kestrel.Limits.MaxRequestBodySize = null;
                kestrel.Limits.MinRequestBodyDataRate = null;
                kestrel.Limits.MinResponseDataRate = null;
                ApplyClientTimeouts(kestrel, runtime);
                foreach (var listener in runtime.Listeners)
                {
                    // haproxy 2.6 takes HTTP/2 with prior knowledge on any HTTP bind (the server side stays HTTP/1.1),
                    // and answers a client that sends nothing within timeout http-request (else client) with 408.
                    var timeouts = listener.Frontend.Definition.Timeouts;
                    var firstBytesTimeout = timeouts.HttpRequest ?? timeouts.Client;
                    var frontendLimit = listener.Frontend.Connections;
                    var globalLimit = runtime.Connections;
                    kestrel.Listen(listener.Endpoint, endpoint =>
                    {
                        // haproxy 2.6 maxconn: the listener's own (`bind … maxconn`, checked first: a full listener stops
                        // accepting without taking a process slot), the process-wide limit, then the frontend's.
                        if (listener.Limit is { } listenerLimit)
                        {
                            endpoint.Use(next => connection => listenerLimit.RunAsync(connection, next));
                        }

                        if (globalLimit is not null)
                        {
                            endpoint.Use(next => connection => globalLimit.RunAsync(connection, next));
                        }

                        if (frontendLimit is not null)
                        {
                            endpoint.Use(next => connection => frontendLimit.RunAsync(connection, next));
                        }

                        // The access log's %ac/%fc count admitted connections; its %Th/%Ti/%TR need the accept time and
                        // the plain bytes after the handshake (src/Proxy/Logging/ConnectionLogMiddleware).
                        var connectionLog = new Logging.ConnectionLogMiddleware(
                            clientConnections, listener.Frontend, runtime.AccessLogs.ForFrontend(listener.Frontend.Name), kestrel.ApplicationServices.GetRequiredService<TimeProvider>());
                        endpoint.Use(next => connection => connectionLog.OnAcceptAsync(connection, next));
                        // haproxy 2.6 timeout client also bounds a response the client stops reading (cD); on the raw
                        // side, so it holds for TLS binds too (src/Proxy/Connections/ClientWriteTimeout).
                        if (timeouts.Client is { } clientTimeout)
                        {
                            var writeTimeout = new Connections.ClientWriteTimeout(clientTimeout, kestrel.ApplicationServices.GetRequiredService<TimeProvider>());
                            endpoint.Use(next => connection => writeTimeout.OnConnectionAsync(connection, next));
                        }

                        if (listener.Tls is { } tls)
                        {
                            // TLS binds pick HTTP/2 through ALPN only (`alpn h2,http/1.1`), no preface sniffing.
                            TlsListener.Configure(endpoint, tls, firstBytesTimeout ?? kestrel.Limits.KeepAliveTimeout);
                            endpoint.Use(next => connection => connectionLog.OnReadyAsync(connection, next));
                            // The client's header order, for the HTTP/1 forwarder (src/Proxy/Wire).
                            endpoint.Use(next => connection => Wire.RequestHeadRecorder.RunAsync(connection, next));
                            return;
                        }

                        // HTTP/1 by default (Kestrel warns that cleartext Http1AndHttp2 cannot negotiate); the detector switches to HTTP/2.
                        endpoint.Protocols = HttpProtocols.Http1;
                        endpoint.Use(next => connection => connectionLog.OnReadyAsync(connection, next));
                        endpoint.Use(next => connection => Wire.RequestHeadRecorder.RunAsync(connection, next));
                        endpoint.Use(next => new H2cPrefaceDetector(
                            next, firstBytesTimeout ?? kestrel.Limits.KeepAliveTimeout, answerSilence: firstBytesTimeout is not null).OnConnectionAsync);
                    });
                }
            });

        // Registered after UseSockets: Kestrel asks the last transport first, and ours takes TCP binds on Linux
        // (src/Proxy/Transport); unix sockets, or PROXY_TRANSPORT=sockets, stay on Kestrel's socket transport.
        builder.Services.AddSingleton<IConnectionListenerFactory>(services => new Transport.EpollTransportFactory(
            services.GetRequiredService<IOptions<KestrelServerOptions>>(), FreeBind.CreateBoundListenSocket, services.GetService<IMemoryPoolFactory<byte>>()));
        var app = builder.Build();
        var handler = app.Services.GetRequiredService<HttpProxyHandler>();
        // The access log wraps the handler: it sees the request's end whatever path answered it.
        app.UseMiddleware<Logging.AccessLogMiddleware>();
        app.Lifetime.ApplicationStopped.Register(() => runtime.AccessLogs.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(1)));
        app.Run(handler.HandleAsync);
        return app;
    }

    /// <summary>
    /// haproxy 2.6 client-side timeouts mapped on Kestrel's, which are per server rather than per frontend (the
    /// longest frontend value wins, so no frontend is cut short): `timeout http-request` (else `timeout client`)
    /// bounds the wait for complete request headers; `timeout http-keep-alive` (else http-request, else client)
    /// bounds the idle wait for the next request.
    /// </summary>
    private static void ApplyClientTimeouts(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, ProxyRuntime runtime)
    {
        var headers = runtime.Frontends.Select(f => f.Definition.Timeouts.HttpRequest ?? f.Definition.Timeouts.Client).Max();
        if (headers is { } requestTimeout)
        {
            kestrel.Limits.RequestHeadersTimeout = requestTimeout;
        }

        var idle = runtime.Frontends.Select(f => f.Definition.Timeouts.HttpKeepAlive ?? f.Definition.Timeouts.HttpRequest ?? f.Definition.Timeouts.Client).Max();
        if (idle is { } keepAlive)
        {
            kestrel.Limits.KeepAliveTimeout = keepAlive;
        }
    }
}
