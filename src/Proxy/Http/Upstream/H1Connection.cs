using System.Buffers;

namespace Proxy.Http.Upstream;

/// <summary>
/// One HTTP/1.1 connection to a server, with everything a request on it needs kept for the next one: the head
/// buffer, the response reader and parsed head, the `timeout server` timer and the header strings.
/// </summary>
internal sealed class H1Connection : IDisposable
{
    private readonly object _deadlineLock = new();
    private readonly ITimer _deadlineTimer;

    // When `timeout server` expires (TimeProvider timestamp), long.MaxValue while no exchange is timed.
    private long _deadline = long.MaxValue;

    // When the timer is due to fire, long.MaxValue while it is not armed.
    private long _timerDue = long.MaxValue;

    public H1Connection(Stream stream, H1ConnectionPool pool)
    {
        Stream = stream;
        Pool = pool;
        Time = pool.Time;
        Reader = new H1StreamReader(stream);
        _deadlineTimer = Time.CreateTimer(static state => ((H1Connection)state!).OnDeadlineTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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

    /// <summary>The server's bytes, always one contiguous segment (a head is parsed in place).</summary>
    public H1StreamReader Reader { get; }

    /// <summary>Cancels the server side's reads and writes: `timeout server` (<see cref="Arm"/>), or the client leaving.</summary>
    public CancellationTokenSource Timer { get; } = new();

    public H1WriteBuffer Head { get; } = new();

    public H1ResponseHead Response { get; } = new();

    public H1HeaderStrings Names { get; } = new(names: true);

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

    /// <summary>The current head's bytes (the reader hands out one segment, so they are contiguous).</summary>
    public ReadOnlySpan<byte> HeadBytes() => Pending.FirstSpan;

    /// <summary>
    /// Starts (or restarts) `timeout server` from now: haproxy's is an inactivity timeout, so every read and write
    /// towards the server arms it again. Only a deadline is written; the one timer of the connection is moved when
    /// it fires early (<see cref="OnDeadlineTimer"/>), so a request costs no timer-queue operation (two per read with
    /// CancelAfter were a measurable share of a request, bench/RESULTS.md).
    /// </summary>
    public void Arm(TimeSpan timeout)
    {
        var now = Time.GetTimestamp();
        var deadline = now + (long)(timeout.TotalSeconds * Time.TimestampFrequency);
        lock (_deadlineLock)
        {
            _deadline = deadline;
            if (_timerDue <= deadline)
            {
                return;
            }

            // Not armed, or armed for later than this (a shorter timeout than the last one).
            _timerDue = deadline;
            _deadlineTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Makes the connection usable for the next request; false when `timeout server` fired (it is unusable then).</summary>
    public bool ResetTimer()
    {
        lock (_deadlineLock)
        {
            _deadline = long.MaxValue;
        }

        return !Timer.IsCancellationRequested;
    }

    private void OnDeadlineTimer()
    {
        var expired = false;
        lock (_deadlineLock)
        {
            var now = Time.GetTimestamp();
            if (_deadline == long.MaxValue)
            {
                _timerDue = long.MaxValue;
            }
            else if (now >= _deadline)
            {
                _timerDue = long.MaxValue;
                expired = true;
            }
            else
            {
                // Re-armed since the timer was set: wait for the rest.
                _timerDue = _deadline;
                _deadlineTimer.Change(Time.GetElapsedTime(now, _deadline), Timeout.InfiniteTimeSpan);
            }
        }

        if (expired)
        {
            try
            {
                Timer.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Closed meanwhile.
            }
        }
    }

    public void Dispose()
    {
        Reader.Complete();
        Stream.Dispose();
        _deadlineTimer.Dispose();
        Timer.Dispose();
        Head.Dispose();
    }
}
