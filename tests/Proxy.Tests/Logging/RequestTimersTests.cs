using Proxy.Logging;

namespace Proxy.Tests.Logging;

public sealed class RequestTimersTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Begin_TlsThenIdleThenSlowHeaders_ThTiTR()
    {
        var connection = new ClientConnection(new ClientConnections(), null, _clock.GetTimestamp());
        _clock.Advance(30 * Ms);
        connection.Ready(_clock.GetTimestamp());
        _clock.Advance(20 * Ms);
        connection.MarkFirstBytes(_clock.GetTimestamp());
        _clock.Advance(7 * Ms);

        var timers = RequestTimers.Begin(connection, "HTTP/1.1", _clock.GetTimestamp(), _clock);

        Assert.Equal(new RequestTimers(30, 20, 7, true), timers);
    }

    [Fact]
    public void Begin_SecondRequest_NoHandshakeIdleFromPreviousEnd()
    {
        var connection = new ClientConnection(new ClientConnections(), null, _clock.GetTimestamp());
        RequestTimers.Begin(connection, "HTTP/1.1", _clock.GetTimestamp(), _clock);
        _clock.Advance(5 * Ms);
        connection.EndRequest(_clock.GetTimestamp());
        _clock.Advance(100 * Ms);
        connection.MarkFirstBytes(_clock.GetTimestamp());

        var timers = RequestTimers.Begin(connection, "HTTP/1.1", _clock.GetTimestamp(), _clock);

        Assert.Equal(new RequestTimers(0, 100, 0, true), timers);
    }

    [Fact]
    public void Begin_Http2_NotWatched() =>
        Assert.Equal(default, RequestTimers.Begin(new ClientConnection(new ClientConnections(), null, 1), "HTTP/2", 5, _clock));

    [Fact]
    public void Leave_Twice_CountedOutOnce()
    {
        var connections = new ClientConnections();
        var connection = new ClientConnection(connections, null, 0);

        connection.Leave();
        connection.Leave();

        Assert.Equal(0, connections.Active);
    }
}
