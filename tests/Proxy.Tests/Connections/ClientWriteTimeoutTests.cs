using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Proxy.Connections;
using Proxy.Tests.Support;

namespace Proxy.Tests.Connections;

public sealed class ClientWriteTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // The socket side: a pipe whose writer waits once 16 bytes are unread (a client that stops reading).
    private readonly Pipe _socket = new(new PipeOptions(pauseWriterThreshold: 16, resumeWriterThreshold: 8, useSynchronizationContext: false));
    private readonly FakeTimeProvider _time = new();
    private readonly AbortRecordingConnection _connection = new();

    private ClientWriteTimeout.Writer Writer() => new(_socket.Writer, _connection, Timeout, _time);

    [Fact]
    public async Task FlushAsync_ClientReads_CompletesWithoutTimer()
    {
        var writer = Writer();

        var result = await writer.WriteAsync(new byte[8]);

        Assert.False(result.IsCompleted);
        Assert.Equal(0, _time.PendingTimers);
        Assert.False(writer.Expired);
    }

    [Fact]
    public async Task FlushAsync_ClientStopsReadingForTimeoutClient_ConnectionAbortedAndExpired()
    {
        var writer = Writer();

        var flush = writer.WriteAsync(new byte[64]).AsTask();
        Assert.False(flush.IsCompleted);
        _time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(flush.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await flush.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsCompleted);
        Assert.True(writer.Expired);
        Assert.NotNull(_connection.AbortReason);
    }

    [Fact]
    public async Task FlushAsync_ClientReadsBeforeTheTimeout_NotAborted()
    {
        var writer = Writer();

        var flush = writer.WriteAsync(new byte[64]).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1));
        var read = await _socket.Reader.ReadAsync();
        _socket.Reader.AdvanceTo(read.Buffer.End);
        await flush.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(Timeout);

        Assert.False(writer.Expired);
        Assert.Null(_connection.AbortReason);
    }

    [Fact]
    public async Task FlushAsync_Suspended_WaitsWithoutTimeout()
    {
        var writer = Writer();
        writer.Suspended = true;

        var flush = writer.WriteAsync(new byte[64]).AsTask();
        _time.Advance(Timeout * 10);

        Assert.False(flush.IsCompleted);
        Assert.Null(_connection.AbortReason);
        _socket.Reader.Complete();
        await flush.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class AbortRecordingConnection : DefaultConnectionContext
    {
        public ConnectionAbortedException? AbortReason { get; private set; }

        public override void Abort(ConnectionAbortedException abortReason) => AbortReason = abortReason;
    }
}
