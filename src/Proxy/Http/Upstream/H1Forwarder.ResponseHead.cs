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
        // Names seen so far, by a case-blind hash bit: only a name whose bit is set may repeat one (Set-Cookie), so
        // only then is the header looked up before it is set (each lookup compares names case-insensitively).
        var seen = 0UL;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Kind != H1HeaderKind.Other)
            {
                continue;
            }

            var nameBytes = bytes.Slice(line.NameStart, line.NameLength);
            var bit = 1UL << (int)(((uint)nameBytes.Length * 7 + (uint)(nameBytes[0] | 0x20) + (uint)(nameBytes[^1] | 0x20)) & 63);
            var name = connection.Names.Get(i, nameBytes);
            var value = connection.Values.Get(i, bytes.Slice(line.ValueStart, line.ValueLength));
            if ((seen & bit) != 0 && headers.TryGetValue(name, out var existing))
            {
                headers[name] = Microsoft.Extensions.Primitives.StringValues.Concat(existing, value);
            }
            else
            {
                headers[name] = value;
            }

            seen |= bit;
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
        // The interim wait cancels the read in progress through its token (the reader's CancelPendingRead only
        // affects a read not yet started); the connection's own timer stays linked in.
        using var wait = interimWait is { } delay ? new CancellationTokenSource(delay, connection.Time) : null;
        using var linked = wait is null ? null : CancellationTokenSource.CreateLinkedTokenSource(connection.Timer.Token, wait.Token);
        while (true)
        {
            Arm(connection, serverTimeout);
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(linked?.Token ?? connection.Timer.Token);
            }
            catch (OperationCanceledException) when (wait is { IsCancellationRequested: true } && !connection.Timer.IsCancellationRequested)
            {
                return H1ParseResult.Incomplete;
            }

            var buffer = result.Buffer;
            if (result.IsCanceled && buffer.IsEmpty)
            {
                reader.AdvanceTo(buffer.Start);
                continue;
            }

            connection.ResponseStarted |= !buffer.IsEmpty;
            var parsed = H1ResponseParser.TryParse(buffer.FirstSpan, connection.Response);
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
