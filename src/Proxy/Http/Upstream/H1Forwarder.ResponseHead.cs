using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Proxy.Http.Upstream;

/// <summary>The server's response head: read and parsed from the connection's buffer, then copied to Kestrel's response.</summary>
internal static partial class H1Forwarder
{
    // Bytes after the response, or the server's close already seen: the connection is not reused.
    private static bool HasMore(PipeReader reader)
    {
        if (!reader.TryRead(out var result))
        {
            return false;
        }

        reader.AdvanceTo(result.Buffer.Start);
        return !result.Buffer.IsEmpty || result.IsCompleted;
    }

    private static void CopyHead(HttpContext context, H1Connection connection)
    {
        var head = connection.Response;
        var bytes = connection.HeadBytes();
        var response = context.Response;
        response.StatusCode = head.Status;
        if (head.ReasonLength > 0)
        {
            // Kestrel writes the standard phrase; only another one is carried over (haproxy 2.6 forwards it as is).
            var reason = bytes.Slice(head.ReasonStart, head.ReasonLength);
            if (!Ascii.Equals(reason, ReasonPhrases.GetReasonPhrase(head.Status)))
            {
                context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = Encoding.Latin1.GetString(reason);
            }
        }

        var headers = response.Headers;
        var lines = head.Headers;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Kind != H1HeaderKind.Other)
            {
                continue;
            }

            var name = connection.Names.Get(i, bytes.Slice(line.NameStart, line.NameLength));
            var value = connection.Values.Get(i, bytes.Slice(line.ValueStart, line.ValueLength));
            headers[name] = headers.TryGetValue(name, out var existing) ? Microsoft.Extensions.Primitives.StringValues.Concat(existing, value) : value;
        }

        if (head.ContentLength >= 0 && head.Status != 204)
        {
            response.ContentLength = head.ContentLength;
        }
    }

    // How long an `Expect: 100-continue` request waits for the server's 100 before its body goes anyway.
    private static readonly TimeSpan ContinueWait = TimeSpan.FromSeconds(1);

    // Reads until a complete (or invalid) head. With interimWait, Incomplete means no answer came within it.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<H1ParseResult> ReadHeadAsync(H1Connection connection, TimeSpan? serverTimeout, TimeSpan? interimWait)
    {
        var reader = connection.Reader;
        using var wait = interimWait is { } delay
            ? connection.Time.CreateTimer(static s => ((PipeReader)s!).CancelPendingRead(), reader, delay, Timeout.InfiniteTimeSpan)
            : null;
        while (true)
        {
            Arm(connection, serverTimeout);
            var result = await reader.ReadAsync(connection.Timer.Token);
            var buffer = result.Buffer;
            if (result.IsCanceled && buffer.IsEmpty)
            {
                reader.AdvanceTo(buffer.Start);
                if (wait is not null)
                {
                    return H1ParseResult.Incomplete;
                }

                // A late CancelPendingRead of an earlier wait: read again.
                continue;
            }

            connection.ResponseStarted |= !buffer.IsEmpty;
            var parsed = H1ResponseParser.TryParse(buffer.IsSingleSegment ? buffer.FirstSpan : connection.Scratch(buffer), connection.Response);
            if (parsed != H1ParseResult.Incomplete)
            {
                // The head's bytes stay unconsumed until its headers were copied.
                connection.Pending = buffer;
                if (parsed != H1ParseResult.Complete)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }

                return parsed;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new IOException(buffer.IsEmpty ? "the server closed the connection without a response" : "the server closed the connection within its response headers");
            }
        }
    }
}
