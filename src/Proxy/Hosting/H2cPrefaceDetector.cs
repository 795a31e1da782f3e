using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Proxy.Hosting;

/// <summary>
/// Cleartext HTTP/2 with prior knowledge on a plain `bind` line: haproxy 2.6 answers a connection that starts with
/// the HTTP/2 preface (RFC 9113 §3.4) in HTTP/2 and every other one in HTTP/1. Kestrel in .NET 10 picks HTTP/1 for
/// any cleartext Http1AndHttp2 endpoint, so this connection middleware peeks at the first bytes (consuming nothing)
/// and tells Kestrel's HTTP layer the connection's protocol through its per-connection protocols feature, the one
/// its TLS layer sets after ALPN. That feature type is internal, hence the one reflective lookup at start-up.
/// The same wait implements haproxy's answer to a connection that sends nothing: after timeout http-request (or
/// timeout client) it sends its built-in 408 page, raw (not the errorfile), and closes.
/// </summary>
/// <param name="next">Kestrel's HTTP layer.</param>
/// <param name="firstBytesTimeout">The frontend's timeout http-request, else timeout client.</param>
/// <param name="answerSilence">True when that timeout was configured: a silent client then gets the 408 page.</param>
internal sealed class H2cPrefaceDetector(ConnectionDelegate next, TimeSpan firstBytesTimeout, bool answerSilence)
{
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    private static readonly (Type Type, object Http1, object Http2)? Feature = FindFeature();

    /// <summary>False when this Kestrel build has no per-connection protocols feature: then every cleartext connection is HTTP/1.</summary>
    public static bool IsSupported => Feature is not null;

    /// <summary>What the first bytes of a connection said.</summary>
    internal enum FirstBytes
    {
        /// <summary>Anything but the HTTP/2 preface (or a close before it was complete).</summary>
        Http1,

        /// <summary>The HTTP/2 connection preface.</summary>
        Http2,

        /// <summary>Nothing at all before the timeout.</summary>
        Silent,
    }

    /// <summary>haproxy 2.6's 408 on a connection that never spoke, byte for byte (its raw page, header case included).</summary>
    internal static ReadOnlySpan<byte> SilentClientAnswer => Connections.RawErrorAnswer.RequestTimeout;

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var first = await ReadFirstBytesAsync(input, firstBytesTimeout, connection.ConnectionClosed);
        if (first == FirstBytes.Silent && answerSilence)
        {
            await connection.Transport.Output.WriteAsync(SilentClientAnswer.ToArray());
            await connection.Transport.Output.CompleteAsync();
            return;
        }

        if (Feature is { } feature)
        {
            connection.Features[feature.Type] = first == FirstBytes.Http2 ? feature.Http2 : feature.Http1;
        }

        await next(connection);
    }

    /// <summary>Reads until the bytes either differ from the preface or complete it; nothing is consumed.</summary>
    internal static async Task<FirstBytes> ReadFirstBytesAsync(PipeReader input, TimeSpan timeout, CancellationToken closed)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(closed);
        cancel.CancelAfter(timeout);
        var received = false;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                // A client that sent part of the preface and stopped is left to the HTTP/1 layer's own timeouts.
                return received || closed.IsCancellationRequested ? FirstBytes.Http1 : FirstBytes.Silent;
            }

            var buffer = result.Buffer;
            received |= !buffer.IsEmpty;
            var verdict = Compare(buffer);
            input.AdvanceTo(buffer.Start, verdict is null ? buffer.End : buffer.Start);
            if (verdict is { } known)
            {
                return known ? FirstBytes.Http2 : FirstBytes.Http1;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return FirstBytes.Http1;
            }
        }
    }

    // True: the whole preface is there; false: the bytes differ; null: a prefix of the preface (or nothing), read more.
    private static bool? Compare(ReadOnlySequence<byte> buffer)
    {
        var length = (int)Math.Min(buffer.Length, Preface.Length);
        Span<byte> head = stackalloc byte[Preface.Length];
        buffer.Slice(0, length).CopyTo(head);
        if (!head[..length].SequenceEqual(Preface[..length]))
        {
            return false;
        }

        return length == Preface.Length ? true : null;
    }

    private static (Type, object, object)? FindFeature()
    {
        var type = typeof(KestrelServerOptions).Assembly.GetType("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.HttpProtocolsFeature");
        var constructor = type?.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [typeof(HttpProtocols)]);
        return type is null || constructor is null
            ? null
            : (type, constructor.Invoke([HttpProtocols.Http1]), constructor.Invoke([HttpProtocols.Http2]));
    }
}
