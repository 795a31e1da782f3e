using System.Net.Sockets;

namespace Proxy.Health;

/// <summary>
/// `option ssl-hello-chk` (haproxy 2.6 configuration.txt): send an SSLv3 ClientHello after connecting; the server
/// passes when the first of at least 5 bytes back opens a TLS record of type alert (0x15) or handshake (0x16):
/// it speaks SSL. L6OK / L6RSP / L6TOUT, or the connect step's L4 result.
/// </summary>
internal sealed class SslHelloProbe(CheckConnector connector) : IHealthProbe
{
    /// <summary>An SSLv3 ClientHello (RFC 6101 §5.6.1.2): record header, then the handshake with a fixed random.</summary>
    private static readonly byte[] ClientHello = Build();

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var time = connector.Time;
        var started = time.GetTimestamp();
        var (socket, failure) = await connector.ConnectAsync(started, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        using var _ = socket;
        using var timer = connector.ReadDeadline(started);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var buffer = new byte[5];
        var length = 0;
        try
        {
            await socket!.SendAsync(ClientHello, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            while (length < buffer.Length)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(CheckStatus.L6Tout, null, null, connector.Elapsed(started));
        }
        catch (SocketException)
        {
            // A reset before 5 bytes is judged below as an invalid response.
        }

        var passed = length == buffer.Length && buffer[0] is 0x15 or 0x16;
        return new CheckResult(passed ? CheckStatus.L6Ok : CheckStatus.L6Rsp, null, null, connector.Elapsed(started));
    }

    private static byte[] Build()
    {
        byte[] suites = [0x00, 0x2f, 0x00, 0x35, 0x00, 0x0a, 0x00, 0x05, 0x00, 0x04];
        var body = new List<byte> { 0x03, 0x00 };                     // client_version SSL 3.0
        body.AddRange(Enumerable.Range(0, 32).Select(i => (byte)i));  // random
        body.Add(0x00);                                               // session_id: empty
        body.AddRange([0x00, (byte)suites.Length]);
        body.AddRange(suites);
        body.AddRange([0x01, 0x00]);                                  // compression: null only
        var handshake = new List<byte> { 0x01, 0x00, (byte)(body.Count >> 8), (byte)body.Count };
        handshake.AddRange(body);
        return [0x16, 0x03, 0x00, (byte)(handshake.Count >> 8), (byte)handshake.Count, .. handshake];
    }
}
