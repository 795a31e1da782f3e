using System.Buffers;
using System.IO.Pipelines;

namespace Proxy.Http.Upstream;

/// <summary>
/// One HTTP/1.1 connection to a server, with everything a request on it needs kept for the next one: the head
/// buffer, the response reader and parsed head, the `timeout server` timer and the header strings.
/// </summary>
internal sealed class H1Connection : IDisposable
{
    // 32 KiB reads: a 16 KiB body and its head arrive in one read instead of two (buffers go back to the pool once consumed).
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 32768, minimumReadSize: 4096, leaveOpen: true);

    private byte[]? _scratch;

    public H1Connection(Stream stream, H1ConnectionPool pool)
    {
        Stream = stream;
        Pool = pool;
        Time = pool.Time;
        Reader = PipeReader.Create(stream, ReaderOptions);
        Timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, Time);
    }

    /// <summary>The pool the connection goes back to.</summary>
    public H1ConnectionPool Pool { get; }

    public TimeProvider Time { get; }

    /// <summary>True once the current exchange started sending the request body.</summary>
    public bool BodySent { get; set; }

    /// <summary>Where the request body's copy is (client read or server write), for the error's side.</summary>
    public byte Phase { get; set; }

    /// <summary>Why the server side of the current exchange failed.</summary>
    public Exception? Failure { get; set; }

    public Stream Stream { get; }

    public PipeReader Reader { get; }

    /// <summary>Cancels the server side's reads and writes: `timeout server`, or the client leaving.</summary>
    public CancellationTokenSource Timer { get; }

    public H1WriteBuffer Head { get; } = new();

    public H1ResponseHead Response { get; } = new();

    public H1HeaderStrings Names { get; } = new();

    public H1HeaderStrings Values { get; } = new();

    /// <summary>The chunked decoder of the response being read.</summary>
    public H1ChunkedDecoder Chunked;

    /// <summary>True once the connection carried a request (a reused connection may have been closed by the server meanwhile).</summary>
    public bool Reused { get; set; }

    /// <summary>When it went back to the pool (the pool's clock).</summary>
    public long IdleSince { get; set; }

    /// <summary>The reader's bytes that hold the current response head (not yet consumed).</summary>
    public ReadOnlySequence<byte> Pending { get; set; }

    /// <summary>True once the current exchange received a byte from the server.</summary>
    public bool ResponseStarted { get; set; }

    /// <summary>The current head's bytes: the reader's own segment, or the scratch copy of a head in pieces.</summary>
    public ReadOnlySpan<byte> HeadBytes()
        => Pending.IsSingleSegment ? Pending.FirstSpan : _scratch.AsSpan(0, (int)Math.Min(Pending.Length, H1ResponseParser.MaxHeadLength + 1));

    /// <summary>A contiguous copy of a head that arrived in several pieces.</summary>
    public Span<byte> Scratch(ReadOnlySequence<byte> head)
    {
        var length = (int)Math.Min(head.Length, H1ResponseParser.MaxHeadLength + 1);
        if (_scratch is null || _scratch.Length < length)
        {
            if (_scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(Math.Max(length, 4096));
        }

        head.Slice(0, length).CopyTo(_scratch);
        return _scratch.AsSpan(0, length);
    }

    /// <summary>Makes the timer usable for the next request; false when it fired (the connection is then unusable).</summary>
    public bool ResetTimer()
    {
        Timer.CancelAfter(Timeout.InfiniteTimeSpan);
        return Timer.TryReset();
    }

    public void Dispose()
    {
        Reader.Complete();
        Stream.Dispose();
        Timer.Dispose();
        Head.Dispose();
        if (_scratch is not null)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = null;
        }
    }
}
