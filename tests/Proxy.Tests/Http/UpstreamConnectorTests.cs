using System.Net;
using System.Net.Sockets;
using Proxy.Http;
using Proxy.Tests.Support;

namespace Proxy.Tests.Http;

public class UpstreamConnectorTests
{
    private static readonly DnsEndPoint Endpoint = new("127.0.0.1", 9);

    [Fact]
    public async Task ConnectAsync_ServerNeverAnswers_TimesOutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var connector = new UpstreamConnector(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Stream.Null;
        }, TimeSpan.FromSeconds(5), time);

        var attempt = connector.ConnectAsync(Endpoint, default).AsTask();
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(attempt.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<UpstreamConnectException>(() => attempt);
        Assert.True(failure.TimedOut);
    }

    [Fact]
    public async Task ConnectAsync_Refused_IsAConnectFailureNotATimeout()
    {
        var connector = new UpstreamConnector((_, _) => throw new SocketException((int)SocketError.ConnectionRefused), TimeSpan.FromSeconds(5), new FakeTimeProvider());

        var failure = await Assert.ThrowsAsync<UpstreamConnectException>(() => connector.ConnectAsync(Endpoint, default).AsTask());

        Assert.False(failure.TimedOut);
    }

    [Fact]
    public async Task ConnectAsync_CallerCancels_IsNotReportedAsATimeout()
    {
        var connector = new UpstreamConnector(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Stream.Null;
        }, TimeSpan.FromSeconds(5), new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        var attempt = connector.ConnectAsync(Endpoint, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt);
    }
}
