using System.Buffers;
using System.IO.Pipelines;
using Proxy.Http.Upstream;

namespace Proxy.Tests.Http.Upstream;

public class H1StreamReaderTests
{
    [Fact]
    public async Task ReadAsync_BytesInStream_OneSegmentOfThem()
    {
        var reader = new H1StreamReader(new ChunkStream("HTTP/1.1 200 OK\r\n"u8.ToArray()));

        var result = await reader.ReadAsync();

        Assert.True(result.Buffer.IsSingleSegment);
        Assert.Equal("HTTP/1.1 200 OK\r\n"u8.ToArray(), result.Buffer.ToArray());
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task AdvanceTo_EverythingExamined_NextReadAppendsTheStreamsNextBytes()
    {
        var stream = new ChunkStream("abc"u8.ToArray(), "def"u8.ToArray());
        var reader = new H1StreamReader(stream);
        var first = await reader.ReadAsync();
        reader.AdvanceTo(first.Buffer.Start, first.Buffer.End);

        var second = await reader.ReadAsync();

        Assert.Equal("abcdef"u8.ToArray(), second.Buffer.ToArray());
        Assert.Equal(2, stream.Reads);
    }

    [Fact]
    public async Task AdvanceTo_NothingExamined_NextReadReturnsTheSameBytesWithoutReading()
    {
        var stream = new ChunkStream("abc"u8.ToArray(), "def"u8.ToArray());
        var reader = new H1StreamReader(stream);
        var first = await reader.ReadAsync();
        reader.AdvanceTo(first.Buffer.GetPosition(1));

        var second = await reader.ReadAsync();

        Assert.Equal("bc"u8.ToArray(), second.Buffer.ToArray());
        Assert.Equal(1, stream.Reads);
    }

    [Fact]
    public async Task ReadAsync_StreamEnded_CompletedWithWhatIsLeft()
    {
        var reader = new H1StreamReader(new ChunkStream("ab"u8.ToArray()));
        var first = await reader.ReadAsync();
        reader.AdvanceTo(first.Buffer.Start, first.Buffer.End);

        var last = await reader.ReadAsync();

        Assert.True(last.IsCompleted);
        Assert.Equal("ab"u8.ToArray(), last.Buffer.ToArray());
    }

    [Fact]
    public async Task TryRead_EverythingConsumed_FalseUntilTheNextRead()
    {
        var reader = new H1StreamReader(new ChunkStream("ab"u8.ToArray(), "c"u8.ToArray()));
        var first = await reader.ReadAsync();
        reader.AdvanceTo(first.Buffer.End);

        Assert.False(reader.TryRead(out _));
        var next = await reader.ReadAsync();
        Assert.Equal("c"u8.ToArray(), next.Buffer.ToArray());
    }

    [Fact]
    public async Task ReadAsync_UnconsumedBytesOutgrowTheBuffer_AllKeptInOrder()
    {
        // 40 chunks of 4000 bytes, never consumed: the buffer moves and grows past its first 32 KiB.
        var chunks = Enumerable.Range(0, 40).Select(i => Enumerable.Repeat((byte)('a' + (i % 26)), 4000).ToArray()).ToArray();
        var reader = new H1StreamReader(new ChunkStream(chunks));
        ReadResult result = default;
        for (var i = 0; i < chunks.Length; i++)
        {
            result = await reader.ReadAsync();
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }

        result = await reader.ReadAsync();
        Assert.Equal(chunks.SelectMany(c => c).ToArray(), result.Buffer.ToArray());
    }

    [Fact]
    public async Task ReadAsync_PartlyConsumedWhenTheEndIsFull_RestMovedToTheFront()
    {
        var big = Enumerable.Range(0, 30000).Select(i => (byte)i).ToArray();
        var reader = new H1StreamReader(new ChunkStream(big, "tail"u8.ToArray()));
        var first = await reader.ReadAsync();
        reader.AdvanceTo(first.Buffer.GetPosition(29990), first.Buffer.End);

        var second = await reader.ReadAsync();

        Assert.Equal(big[29990..].Concat("tail"u8.ToArray()).ToArray(), second.Buffer.ToArray());
    }

    [Fact]
    public async Task CancelPendingRead_BeforeARead_ThatReadIsCanceled()
    {
        var reader = new H1StreamReader(new ChunkStream("ab"u8.ToArray()));
        reader.CancelPendingRead();

        var result = await reader.ReadAsync();

        Assert.True(result.IsCanceled);
        var next = await reader.ReadAsync();
        Assert.False(next.IsCanceled);
    }

    [Fact]
    public async Task ReadAsync_TokenCanceledWhileWaiting_Throws()
    {
        var pipe = new Pipe();
        var reader = new H1StreamReader(pipe.Reader.AsStream());
        using var cancel = new CancellationTokenSource();

        var read = reader.ReadAsync(cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
    }

    [Fact]
    public async Task AdvanceTo_PositionPastTheData_Throws()
    {
        var reader = new H1StreamReader(new ChunkStream("ab"u8.ToArray()));
        var result = await reader.ReadAsync();
        var past = new SequencePosition(result.Buffer.Start.GetObject(), 100);

        Assert.Throws<InvalidOperationException>(() => reader.AdvanceTo(result.Buffer.Start, past));
    }

    // Returns one chunk per read, then the end.
    private sealed class ChunkStream(params byte[][] chunks) : Stream
    {
        private int _next;

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            if (_next == chunks.Length)
            {
                return new ValueTask<int>(0);
            }

            var chunk = chunks[_next++];
            Assert.True(buffer.Length >= chunk.Length, "the reader offers room for a whole chunk");
            chunk.CopyTo(buffer);
            return new ValueTask<int>(chunk.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
