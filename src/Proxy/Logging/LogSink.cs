using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Proxy.Logging;

/// <summary>
/// One log destination (a UDP address, a unix datagram socket such as /dev/log, or stdout/stderr) with a bounded
/// queue drained by one background task, so the data path never waits on syslog: a full queue or a failed send
/// drops the line and counts it (haproxy 2.6 also drops, counting in "dropped logs"). A unix socket that
/// disappears and comes back (rsyslog restart) is used again on the next line: each datagram is addressed anew.
/// </summary>
internal sealed class LogSink : IAsyncDisposable
{
    /// <summary>Lines waiting per target before new ones are dropped.</summary>
    public const int QueueCapacity = 4096;

    private readonly Channel<(byte[] Buffer, int Length)> _queue =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly EndPoint? _endpoint;
    private readonly Stream? _stream;
    private Task? _drain;
    private int _started;
    private readonly TimeProvider _time;
    private Socket? _socket;
    private long _retryAt;
    private long _dropped;
    private long _sent;

    private LogSink(string target, EndPoint? endpoint, Stream? stream, TimeProvider time)
    {
        _time = time;
        Target = target;
        _endpoint = endpoint;
        _stream = stream;
    }

    /// <summary>The target as written in the configuration.</summary>
    public string Target { get; }

    /// <summary>Lines dropped: queue full, target missing or refusing.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Lines handed to the socket or stream.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The sink for a `log` target: an absolute path is a unix datagram socket, stdout/stderr the process' streams, else UDP host[:port] (514).</summary>
    public static LogSink Create(string target, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        if (target is "stdout" or "fd@1")
        {
            return new LogSink(target, null, Console.OpenStandardOutput(), time);
        }

        if (target is "stderr" or "fd@2")
        {
            return new LogSink(target, null, Console.OpenStandardError(), time);
        }

        if (target.StartsWith('/') || target.StartsWith("unix@", StringComparison.Ordinal))
        {
            return new LogSink(target, new UnixDomainSocketEndPoint(target.StartsWith('/') ? target : target[5..]), null, time);
        }

        return new LogSink(target, ParseUdp(target), null, time);
    }

    /// <summary>Queues a copy of <paramref name="line"/>; never blocks.</summary>
    public void Enqueue(ReadOnlySpan<byte> line)
    {
        // The drain task starts with the first line, so `-c` and unused targets start nothing.
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            _drain = Task.Run(DrainAsync);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(line.Length);
        line.CopyTo(buffer);
        if (!_queue.Writer.TryWrite((buffer, line.Length)))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Increment(ref _dropped);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_drain is { } drain)
        {
            await drain.ConfigureAwait(false);
        }

        _socket?.Dispose();
    }

    private async Task DrainAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    if (_stream is not null)
                    {
                        await _stream.WriteAsync(item.Buffer.AsMemory(0, item.Length)).ConfigureAwait(false);
                        await _stream.FlushAsync().ConfigureAwait(false);
                        Interlocked.Increment(ref _sent);
                    }
                    else
                    {
                        SendDatagram(item.Buffer.AsSpan(0, item.Length));
                    }
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref _dropped);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(item.Buffer);
                }
            }
        }
    }

    // One datagram per line on a connected, non-blocking socket, errors as values: a syslog daemon that is gone
    // (ENOENT, ECONNREFUSED) or full (EAGAIN) costs a dropped line, not an exception per line. A missing socket is
    // looked for again at most once a second, so a restarted rsyslogd is found without hammering the file system.
    private void SendDatagram(ReadOnlySpan<byte> line)
    {
        if (_socket is null && !TryConnect())
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _socket!.Send(line, SocketFlags.None, out var error);
        if (error == SocketError.Success)
        {
            Interlocked.Increment(ref _sent);
            return;
        }

        Interlocked.Increment(ref _dropped);
        if (error != SocketError.WouldBlock && error != SocketError.NoBufferSpaceAvailable)
        {
            _socket.Dispose();
            _socket = null;
        }
    }

    private bool TryConnect()
    {
        var now = _time.GetTimestamp();
        if (now < _retryAt)
        {
            return false;
        }

        var socket = _endpoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)
            : new Socket(_endpoint!.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Connect(_endpoint!);
            socket.Blocking = false;
            _socket = socket;
            return true;
        }
        catch (SocketException)
        {
            socket.Dispose();
            _retryAt = now + _time.TimestampFrequency;
            return false;
        }
    }

    // haproxy 2.6 str2sa_range: "a.b.c.d[:port]", "[v6]:port" or a bare IPv6 address; UDP port 514 by default.
    private static IPEndPoint ParseUdp(string target)
    {
        var text = target.StartsWith("udp@", StringComparison.Ordinal) || target.StartsWith("udp4@", StringComparison.Ordinal) || target.StartsWith("udp6@", StringComparison.Ordinal)
            ? target[(target.IndexOf('@', StringComparison.Ordinal) + 1)..]
            : target;
        if (IPEndPoint.TryParse(text, out var endpoint) && (text.Contains(']', StringComparison.Ordinal) || text.Count(ch => ch == ':') == 1))
        {
            return endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 514) : endpoint;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return new IPEndPoint(address, 514);
        }

        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : text;
        var port = colon > 0 && int.TryParse(text[(colon + 1)..], out var p) ? p : 514;
        var resolved = Dns.GetHostAddresses(host).FirstOrDefault() ?? IPAddress.Loopback;
        return new IPEndPoint(resolved, port);
    }
}
