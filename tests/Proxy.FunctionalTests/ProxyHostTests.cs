using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;
using Proxy.Http;

namespace Proxy.FunctionalTests;

/// <summary>The host ProxyHost builds, seen from a request: what runs per request besides the proxy's own work.</summary>
public class ProxyHostTests
{
    [Fact]
    public async Task Build_ForwardedRequest_RunsWithoutHostingActivity()
    {
        await using var backend = await TestBackend.StartAsync("s1");
        var port = FreePort.Next();
        var observer = new ActivityObserver();
        await using var proxy = await InProcessProxy.StartAsync(
            "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n"
            + $"frontend fe\n    bind 127.0.0.1:{port}\n    default_backend be\nbackend be\n    server s1 127.0.0.1:{backend.Port}\n",
            observer: observer);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

        (await client.GetAsync($"http://127.0.0.1:{port}/")).EnsureSuccessStatusCode();

        // ASP.NET Core starts an Activity (ids, AsyncLocal) per request when its hosting log category is enabled;
        // the proxy never logs there, so nothing should be started (bench/RESULTS.md, 2026-11-22 06:05).
        Assert.Equal(1, observer.Requests);
        Assert.False(observer.SawActivity);
    }

    private sealed class ActivityObserver : IRequestOutcomeObserver
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public bool SawActivity { get; private set; }

        public void Completed(HttpContext context, RequestOutcome outcome)
        {
            SawActivity |= Activity.Current is not null;
            Interlocked.Increment(ref _requests);
        }
    }
}
