using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Upstream;

/// <summary>The request body's copy to the server.</summary>
internal static partial class H1Forwarder
{
    // The request body, streamed: Content-Length as is, chunked re-chunked (Kestrel de-chunked it). The connection
    // notes which side each step is on, for the caller's error mapping.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendBodyAsync(HttpContext context, H1Connection connection, bool chunked, TimeSpan? serverTimeout)
    {
        connection.BodySent = true;
        var body = context.Request.BodyReader;
        var stream = connection.Stream;
        while (true)
        {
            connection.Phase = (byte)Phase.ClientBody;
            // haproxy 2.6: the server's timeout runs from the last byte sent to it (writes refresh it, stream-int
            // notify); a client that stalls its body lets it expire, and the server's silence is answered 504 sH.
            // The timer also fires when the client aborts (registered by SendAsync).
            var result = await body.ReadAsync(serverTimeout is null ? context.RequestAborted : connection.Timer.Token);
            var buffer = result.Buffer;
            connection.Phase = (byte)Phase.ServerBody;
            if (!buffer.IsEmpty)
            {
                if (chunked)
                {
                    connection.Head.Clear();
                    connection.Head.AppendHex(buffer.Length);
                    connection.Head.Append("\r\n"u8);
                    await Write(connection, connection.Head.Written, serverTimeout);
                }

                foreach (var segment in buffer)
                {
                    await Write(connection, segment, serverTimeout);
                }

                if (chunked)
                {
                    await Write(connection, Crlf, serverTimeout);
                }
            }

            body.AdvanceTo(buffer.End);
            if (result.IsCompleted)
            {
                if (chunked)
                {
                    await Write(connection, LastChunk, serverTimeout);
                }

                return;
            }
        }
    }

    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();

    private static ValueTask Write(H1Connection connection, ReadOnlyMemory<byte> bytes, TimeSpan? serverTimeout)
    {
        Arm(connection, serverTimeout);
        return connection.Stream.WriteAsync(bytes, connection.Timer.Token);
    }
}
