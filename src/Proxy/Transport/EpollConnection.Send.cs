using System.Buffers;
using System.Runtime.InteropServices;

namespace Proxy.Transport;

internal sealed partial class EpollConnection
{
    // One sendmsg(2) takes up to this many pipe segments (4 KiB each: 64 KiB, Kestrel's response buffer limit).
    private const int MaxVectors = 16;

    // EPOLLOUT edges (and Abort), for a send that met a full socket buffer.
    private readonly EdgeSignal _writable = new();

    // The pins of one sendmsg(2), kept for the next (only the sending side uses them).
    private MemoryHandle[]? _pins;

    private void OnWritable() => _writable.Signal();

    private async Task SendLoopAsync()
    {
        var reader = _output.Reader;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled || _abortReason is not null)
                {
                    break;
                }

                var buffer = result.Buffer;
                while (!buffer.IsEmpty)
                {
                    var edges = _writable.Edges;
                    var sent = Send(buffer);
                    if (sent > 0)
                    {
                        buffer = buffer.Slice(sent);
                        continue;
                    }

                    var errno = -sent;
                    if (errno == LinuxNet.EIntr)
                    {
                        continue;
                    }

                    if (errno != LinuxNet.EAgain)
                    {
                        throw LinuxNet.ToException(errno, "send");
                    }

                    // The socket's send buffer is full: wait for the next EPOLLOUT edge (Abort signals one too).
                    if (_abortReason is null)
                    {
                        await _writable.WaitAsync(edges, CancellationToken.None).ConfigureAwait(false);
                    }

                    if (_abortReason is not null)
                    {
                        break;
                    }
                }

                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || _abortReason is not null)
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            error = e;
        }

        // As Kestrel's transport: the sending side's end closes the connection both ways.
        ShutDown();
        reader.Complete(error);
        EndIdleReceive();
        SideDone();
    }

    /// <summary>One send(2), or a sendmsg(2) over the first segments; the count sent, or -errno.</summary>
    private unsafe int Send(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            fixed (byte* p = buffer.FirstSpan)
            {
                var n = Interop.Send(_fd, p, (nuint)buffer.FirstSpan.Length, LinuxNet.MsgNoSignal);
                return n >= 0 ? (int)n : -LinuxNet.LastErrno;
            }
        }

        var vectors = stackalloc Interop.IoVector[MaxVectors];
        var handles = _pins ??= new MemoryHandle[MaxVectors];
        var count = 0;
        try
        {
            foreach (var segment in buffer)
            {
                if (segment.IsEmpty)
                {
                    continue;
                }

                handles[count] = segment.Pin();
                vectors[count].Base = (byte*)handles[count].Pointer;
                vectors[count].Length = (nuint)segment.Length;
                if (++count == MaxVectors)
                {
                    break;
                }
            }

            var message = default(Interop.MessageHeader);
            message.Vectors = vectors;
            message.VectorCount = (nuint)count;
            var sent = Interop.SendMsg(_fd, &message, LinuxNet.MsgNoSignal);
            return sent >= 0 ? (int)sent : -LinuxNet.LastErrno;
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                handles[i].Dispose();
                handles[i] = default;
            }
        }
    }
}
