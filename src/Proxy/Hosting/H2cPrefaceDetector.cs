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
/// </summary>
internal sealed class H2cPrefaceDetector(ConnectionDelegate next, TimeSpan firstBytesTimeout)
{
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    private static readonly (Type Type, object Http1, object Http2)? Feature = FindFeature();

    /// <summary>False when this Kestrel build has no per-connection protocols feature: then every cleartext connection is HTTP/1.</summary>
    public static bool IsSupported => Feature is not null;

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        if (Feature is { } feature)
        {
            var isHttp2 = await StartsWithPrefaceAsync(connection.Transport.Input, firstBytesTimeout, connection.ConnectionClosed);
            connection.Features[feature.Type] = isHttp2 ? feature.Http2 : feature.Http1;
        }

        await next(connection);
    }

    /// <summary>Reads until the bytes either differ from the preface or complete it; nothing is consumed.</summary>
    internal static async Task<bool> StartsWithPrefaceAsync(PipeReader input, TimeSpan timeout, CancellationToken closed)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(closed);
        cancel.CancelAfter(timeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                // Silent client or closed connection: let the HTTP/1 layer apply its own timeouts and close it.
                return false;
            }

            var buffer = result.Buffer;
            var verdict = Compare(buffer);
            input.AdvanceTo(buffer.Start, verdict is null ? buffer.End : buffer.Start);
            if (verdict is { } known)
            {
                return known;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return false;
            }
        }
    }

    // True: the whole preface is there; false: the bytes differ; null: a prefix of the preface, read more.
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
