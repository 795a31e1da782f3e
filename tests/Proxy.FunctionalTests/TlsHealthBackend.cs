using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Proxy.FunctionalTests;

/// <summary>
/// A backend on a fixed 127.0.0.1 port for check-ssl tests whose behaviour a test switches: a TLS server answering
/// "200 OK" to one request, a plain server answering in clear before any request, a silent one, or stopped.
/// </summary>
internal sealed class TlsHealthBackend : IAsyncDisposable
{
    private readonly X509Certificate2 _certificate;
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public TlsHealthBackend(int port, string certificatePem)
    {
        Port = port;
        using var loaded = X509Certificate2.CreateFromPemFile(certificatePem);
        _certificate = X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pfx), null);
    }

    public enum Behaviour
    {
        /// <summary>TLS handshake, then "HTTP/1.1 200 OK" to one request.</summary>
        Tls,

        /// <summary>"HTTP/1.0 400 Bad Request" in clear to whatever arrives first, then close.</summary>
        Plain,

        /// <summary>Accepts and says nothing.</summary>
        Silent,
    }

    public int Port { get; }

    public Behaviour Mode { get; set; } = Behaviour.Tls;

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start(100);
        _stop = new CancellationTokenSource();
        var (listener, token) = (_listener, _stop.Token);
        _accepting = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptSocketAsync(token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => AnswerAsync(client, Mode, token), CancellationToken.None);
            }
        }, CancellationToken.None);
    }

    /// <summary>One handshake of our own, so the first check does not wait for the server's first TLS setup.</summary>
    public async Task WarmUpAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        await using var tls = new SslStream(client.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener!.Stop();
        await _accepting!;
        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate.Dispose();
    }

    private async Task AnswerAsync(Socket client, Behaviour mode, CancellationToken token)
    {
        using var connection = client;
        try
        {
            switch (mode)
            {
                case Behaviour.Plain:
                    // Like a plain HTTP server: read the (TLS) request, answer 400, close.
                    await client.ReceiveAsync(new byte[4096], SocketFlags.None, token).AsTask().WaitAsync(TimeSpan.FromSeconds(5), token);
                    await client.SendAsync("HTTP/1.0 400 Bad Request\r\n\r\n"u8.ToArray(), SocketFlags.None, token);
                    client.Shutdown(SocketShutdown.Both);
                    break;
                case Behaviour.Silent:
                    await Task.Delay(TimeSpan.FromSeconds(5), token);
                    break;
                default:
                    await using (var tls = new SslStream(new NetworkStream(client, ownsSocket: false)))
                    {
                        await tls.AuthenticateAsServerAsync(_certificate).WaitAsync(TimeSpan.FromSeconds(5), token);
                        var buffer = new byte[4096];
                        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(token);
                        quiet.CancelAfter(TimeSpan.FromMilliseconds(500));
                        if (await tls.ReadAsync(buffer, quiet.Token) > 0)
                        {
                            await tls.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), token);
                        }
                    }

                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or TimeoutException
                                      or System.Security.Authentication.AuthenticationException)
        {
            // The checker closed first or refused the certificate.
        }
    }
}
