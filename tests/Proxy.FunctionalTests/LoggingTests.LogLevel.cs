using Proxy.FunctionalTests.Common;
using Proxy.FunctionalTests.Logging;

namespace Proxy.FunctionalTests;

/// <summary>`http-request set-log-level`: the line goes at the chosen level, or not at all (measured: haproxy 2.6.12 sends &lt;133&gt; for notice and nothing for silent).</summary>
public sealed partial class LoggingTests
{
    [Fact]
    public async Task SetLogLevel_NoticeAndSilent_PriorityChangedAndLineDropped()
    {
        await using var backend = await TestBackend.StartAsync("s1");
        using var listener = new UdpLogListener();
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(
            port,
            backend.Port,
            $"log 127.0.0.1:{listener.Port} local0",
            "http-request set-log-level notice if { path /notice }",
            "http-request set-log-level silent if { path /silent }"));
        using var client = new HttpClient();

        foreach (var path in new[] { "/silent", "/notice", "/plain" })
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}{path}");
        }

        var notice = Assert.Single(await listener.WaitForAsync("GET /notice ", 1, Limit));
        var plain = Assert.Single(await listener.WaitForAsync("GET /plain ", 1, Limit));
        Assert.StartsWith("<133>", notice, StringComparison.Ordinal);
        Assert.StartsWith("<134>", plain, StringComparison.Ordinal);
        // The silent request went first: its line would have arrived before the others.
        Assert.DoesNotContain(listener.Datagrams, d => d.Contains("GET /silent ", StringComparison.Ordinal));
    }
}
