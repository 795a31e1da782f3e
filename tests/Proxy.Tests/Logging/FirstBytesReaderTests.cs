using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Tasks.Sources;
using Proxy.Logging;

namespace Proxy.Tests.Logging;

public class FirstBytesReaderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_InnerCompletesBeforeCheck_ResultConsumedOnce()
    {
        // A pipe's pending read can complete on the socket thread between ReadAsync returning and the wrapper looking
        // at it; a pooled ValueTask source must then still be read exactly once (a second GetResult throws in Pipe:
        // "Reading is already in progress", and Kestrel closed the connection without a byte).
        var inner = new OneShotReader(new ReadResult(new ReadOnlySequence<byte>("GET"u8.ToArray()), false, false));
        var connection = new ClientConnection(new ClientConnections(), null, 0);
        var reader = new FirstBytesReader(inner, connection, new FixedTimeProvider(Start));

        var result = await reader.ReadAsync();

        Assert.Equal(3, result.Buffer.Length);
        Assert.Equal(1, inner.Consumed);
        Assert.False(connection.AwaitingRequest);
    }

    [Fact]
    public async Task ReadAsync_NotAwaitingRequest_PassesThroughWithoutStamp()
    {
        var inner = new OneShotReader(new ReadResult(new ReadOnlySequence<byte>("x"u8.ToArray()), false, false));
        var connection = new ClientConnection(new ClientConnections(), null, 0);
        connection.MarkFirstBytes(5);
        var reader = new FirstBytesReader(inner, connection, new FixedTimeProvider(Start));

        var result = await reader.ReadAsync();

        Assert.Equal(1, result.Buffer.Length);
        Assert.Equal(1, inner.Consumed);
    }

    [Fact]
    public async Task ReadAsync_ClientEndsInputWhileKestrelReadsAHead_InputEndedNoted()
    {
        var inner = new OneShotReader(new ReadResult(new ReadOnlySequence<byte>("GET / HT"u8.ToArray()), false, true));
        var connection = new ClientConnection(new ClientConnections(), null, 0);
        var reader = new FirstBytesReader(inner, connection, new FixedTimeProvider(Start));

        await reader.ReadAsync();

        Assert.True(connection.InputEnded);
    }

    [Fact]
    public async Task ReadAsync_AfterTheApplicationEnded_KestrelAnswersAgain()
    {
        var inner = new OneShotReader(new ReadResult(new ReadOnlySequence<byte>("x"u8.ToArray()), false, false));
        var connection = new ClientConnection(new ClientConnections(), null, 0);
        var reader = new FirstBytesReader(inner, connection, new FixedTimeProvider(Start));
        connection.ApplicationBegin();
        connection.ApplicationEnd();
        Assert.False(connection.KestrelAnswering);

        await reader.ReadAsync();

        Assert.True(connection.KestrelAnswering);
    }

    /// <summary>A reader whose ReadAsync hands out an already completed, source-backed ValueTask that may be read once.</summary>
    private sealed class OneShotReader(ReadResult result) : PipeReader, IValueTaskSource<ReadResult>
    {
        public int Consumed { get; private set; }

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) => new(this, 0);

        public ReadResult GetResult(short token)
        {
            if (++Consumed > 1)
            {
                throw new InvalidOperationException("Reading is already in progress.");
            }

            return result;
        }

        public ValueTaskSourceStatus GetStatus(short token) => ValueTaskSourceStatus.Succeeded;

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => continuation(state);

        public override bool TryRead(out ReadResult read)
        {
            read = result;
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed)
        {
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
        }

        public override void CancelPendingRead()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }
    }
}
