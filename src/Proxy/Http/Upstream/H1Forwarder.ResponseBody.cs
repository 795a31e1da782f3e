using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Upstream;

/// <summary>The response body's copy to the client: Content-Length, chunked (decoded; Kestrel frames it again) or until close.</summary>
internal static partial class H1Forwarder
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<BodyEnd> CopyBodyAsync(HttpContext context, H1Connection connection, TimeSpan? serverTimeout)
    {
        var head = connection.Response;
        var reader = connection.Reader;
        var writer = context.Response.BodyWriter;
        var remaining = head.Chunked ? -1 : head.ContentLength;
        var untilClose = !head.Chunked && remaining < 0;
        connection.Chunked.Reset();
        var started = false;
        while (remaining != 0)
        {
            ReadResult result;
            try
            {
                // Most bodies (or their start) came with the head: no timer and no wait for those bytes.
                if (!reader.TryRead(out result))
                {
                    Arm(connection, serverTimeout);
                    result = await reader.ReadAsync(connection.Timer.Token);
                }
            }
            catch (Exception e)
            {
                connection.Failure = e;
                return BodyEnd.ServerFailed;
            }

            var buffer = result.Buffer;
            var consumed = buffer.End;
            var done = false;
            ValueTask<FlushResult>? written = null;
            if (head.Chunked)
            {
                var outcome = Decode(ref connection.Chunked, buffer, writer, out consumed, out var wrote);
                if (outcome == H1ChunkResult.Invalid)
                {
                    reader.AdvanceTo(consumed);
                    connection.Failure = new InvalidDataException("invalid chunked framing from the server");
                    return started || wrote ? BodyEnd.ServerFailed : BodyEnd.InvalidBeforeStart;
                }

                done = outcome == H1ChunkResult.Done;
                started |= wrote;
            }
            else
            {
                var slice = untilClose ? buffer : buffer.Slice(0, Math.Min(buffer.Length, remaining));
                if (slice.IsSingleSegment && !slice.IsEmpty)
                {
                    // One call copies and flushes (Kestrel's response writer copies the bytes before it returns, so
                    // the read buffer may be consumed meanwhile); Write then Flush took its lock once per 4 KiB block.
                    written = writer.WriteAsync(slice.First, context.RequestAborted);
                }
                else
                {
                    foreach (var segment in slice)
                    {
                        writer.Write(segment.Span);
                    }
                }

                consumed = slice.End;
                started |= !slice.IsEmpty;
                if (!untilClose)
                {
                    remaining -= slice.Length;
                }
            }

            reader.AdvanceTo(consumed, buffer.End);
            if (done)
            {
                remaining = 0;
            }
            else if (result.IsCompleted && remaining != 0 && (!untilClose || buffer.IsEmpty))
            {
                if (untilClose)
                {
                    remaining = 0;
                }
                else
                {
                    connection.Failure = new IOException("the server closed the connection within its response body");
                    if (written is { } pending)
                    {
                        await Quietly(pending);
                    }

                    await FlushQuietly(writer, context);
                    return BodyEnd.ServerFailed;
                }
            }

            try
            {
                var flushed = written is { } write ? await write : await writer.FlushAsync(context.RequestAborted);
                written = null;
                if (flushed.IsCanceled || flushed.IsCompleted)
                {
                    return BodyEnd.ClientFailed;
                }
            }
            catch (Exception)
            {
                return BodyEnd.ClientFailed;
            }
        }

        return BodyEnd.Complete;
    }

    private static async ValueTask Quietly(ValueTask<FlushResult> write)
    {
        try
        {
            await write;
        }
        catch (Exception)
        {
            // The client side fails too; the server's failure is the one reported.
        }
    }

    // Whatever of the body already arrived goes out before the connection is cut, as haproxy forwards it.
    private static async ValueTask FlushQuietly(PipeWriter writer, HttpContext context)
    {
        try
        {
            await writer.FlushAsync(context.RequestAborted);
        }
        catch (Exception)
        {
            // The client side fails too; the server's failure is the one reported.
        }
    }

    private static H1ChunkResult Decode(ref H1ChunkedDecoder decoder, ReadOnlySequence<byte> buffer, PipeWriter writer, out SequencePosition consumed, out bool wrote)
    {
        var reader = new SequenceReader<byte>(buffer);
        wrote = false;
        while (true)
        {
            var outcome = decoder.Read(ref reader, out var data);
            if (outcome != H1ChunkResult.Data)
            {
                consumed = reader.Position;
                return outcome;
            }

            foreach (var segment in data)
            {
                writer.Write(segment.Span);
            }

            wrote = true;
        }
    }
}
