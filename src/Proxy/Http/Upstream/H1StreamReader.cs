using System.Buffers;
using System.IO.Pipelines;

namespace Proxy.Http.Upstream;

/// <summary>
/// The server connection's input as a <see cref="PipeReader"/> over one contiguous pooled buffer: a read is one
/// <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> into the buffer's free end, and what is returned
/// is always a single segment. It replaces <see cref="PipeReader.Create(Stream, StreamPipeReaderOptions)"/>, whose
/// extra async layer, segment list and per-read linked token cost about 1.3 us of a keep-alive request
/// (bench/RESULTS.md); what the forwarder keeps unconsumed is bounded anyway (a head of at most 15 KiB, a chunk-size
/// line), so one buffer is enough.
/// </summary>
/// <remarks>
/// <see cref="CancelPendingRead"/> only affects the next read: a read in progress is cancelled through its token.
/// The buffer goes back to the pool whenever everything was consumed, so an idle pooled connection holds none.
/// </remarks>
internal sealed class H1StreamReader(Stream stream) : PipeReader
{
    // A 16 KiB body and its head arrive in one read (the 32 KiB StreamPipeReader reads did the same).
    private const int BufferSize = H1BufferPool.BufferSize;
    private const int MinimumReadSize = 4096;

    // Far above what the forwarder leaves unconsumed; reaching it means a consumer that never consumes.
    private const int MaxBuffered = 1024 * 1024;

    private byte[]? _buffer;
    private int _start;
    private int _end;
    private int _examined;
    private bool _streamEnded;
    private bool _cancelNext;
    private bool _completed;

    // A read that waits goes through this one reusable source (no state machine box per read).
    private Connections.ValueTaskRelay<int, ReadResult>? _relay;

    private ReadOnlySequence<byte> Current => _buffer is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_buffer, _start, _end - _start);

    public override bool TryRead(out ReadResult result)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_cancelNext)
        {
            _cancelNext = false;
            result = new ReadResult(Current, isCanceled: true, _streamEnded);
            return true;
        }

        if ((_end > _start && _examined < _end) || _streamEnded)
        {
            result = new ReadResult(Current, isCanceled: false, _streamEnded);
            return true;
        }

        result = default;
        return false;
    }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        => TryRead(out var result) ? new ValueTask<ReadResult>(result) : ReadMoreAsync(cancellationToken);

    private ValueTask<ReadResult> ReadMoreAsync(CancellationToken cancellationToken)
    {
        var read = stream.ReadAsync(Room(), cancellationToken);
        return read.IsCompletedSuccessfully
            ? new ValueTask<ReadResult>(Received(read.Result))
            : (_relay ??= new Connections.ValueTaskRelay<int, ReadResult>(Received)).Relay(read);
    }

    private ReadResult Received(int read)
    {
        if (read == 0)
        {
            _streamEnded = true;
        }

        _end += read;
        return new ReadResult(Current, isCanceled: false, _streamEnded);
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        var from = IndexOf(consumed);
        var to = Math.Max(from, IndexOf(examined));
        if (from < _start || to > _end)
        {
            throw new InvalidOperationException("The position is outside the data that was read.");
        }

        _start = from;
        _examined = Math.Max(to, _start);
        if (_start == _end && _buffer is not null)
        {
            // Everything consumed: the buffer goes back until the next read.
            Release(_buffer);
            (_buffer, _start, _end, _examined) = (null, 0, 0, 0);
        }
    }

    public override void CancelPendingRead() => _cancelNext = true;

    public override void Complete(Exception? exception = null)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_buffer is not null)
        {
            Release(_buffer);
            (_buffer, _start, _end, _examined) = (null, 0, 0, 0);
        }
    }

    // The pool's own buffers go back to it; a grown one (rare) to ArrayPool, where it came from.
    private static void Release(byte[] buffer)
    {
        if (buffer.Length == BufferSize)
        {
            H1BufferPool.Shared.Return(buffer);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A position of a sequence this reader returned: its index in the buffer (an empty sequence's is the start).
    private int IndexOf(SequencePosition position)
        => position.GetObject() is byte[] array && ReferenceEquals(array, _buffer) ? position.GetInteger() : _start;

    // The free end of the buffer, at least MinimumReadSize: unconsumed bytes move to the front, or the buffer grows.
    private Memory<byte> Room()
    {
        if (_buffer is null)
        {
            _buffer = H1BufferPool.Shared.Rent();
            return _buffer;
        }

        if (_buffer.Length - _end >= MinimumReadSize)
        {
            return _buffer.AsMemory(_end);
        }

        var kept = _end - _start;
        var target = _buffer;
        if (_buffer.Length - kept < MinimumReadSize)
        {
            if (_buffer.Length * 2 > MaxBuffered)
            {
                throw new InvalidDataException($"more than {MaxBuffered} bytes from the server left unconsumed");
            }

            target = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        }

        _buffer.AsSpan(_start, kept).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            Release(_buffer);
            _buffer = target;
        }

        _examined -= _start;
        (_start, _end) = (0, kept);
        return _buffer.AsMemory(_end);
    }
}
