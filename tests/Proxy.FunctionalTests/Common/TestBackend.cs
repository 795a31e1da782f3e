using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Proxy.FunctionalTests.Common;

/// <summary>
/// An in-process Kestrel server on 127.0.0.1:0 standing in for a real backend: it answers with its name and
/// records what reached it (method, target, headers in arrival order, body hash).
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestBackend(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public int Port { get; private set; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Starts a backend; <paramref name="handler"/> replaces the default "answer with my name".</summary>
    public static async Task<TestBackend> StartAsync(string name, Func<HttpContext, Task>? handler = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var backend = new TestBackend(app, name);
        app.Run(async context =>
        {
            var request = context.Request;
            var hash = Convert.ToHexString(await SHA256.HashDataAsync(request.Body));
            backend.Received.Enqueue(new ReceivedRequest(
                request.Method,
                request.Path + request.QueryString,
                [.. request.Headers.SelectMany(h => h.Value.Select(v => (h.Key, v ?? "")))],
                hash));
            if (handler is not null)
            {
                await handler(context);
                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(name);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        backend.Port = new Uri(address).Port;
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What one request looked like when it reached a <see cref="TestBackend"/>.</summary>
internal sealed record ReceivedRequest(string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, string BodySha256)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
