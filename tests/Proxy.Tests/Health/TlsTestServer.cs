using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Proxy.Tests.Health;

/// <summary>
/// A one-shot loopback server for check-ssl tests: a TLS server with a self-signed certificate (CN=test) that may
/// answer one HTTP request, a plain server that answers in clear, or a silent one.
/// </summary>
internal sealed class TlsTestServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    private TlsTestServer(Func<Socket, Task> serve)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Served = Task.Run(async () =>
        {
            using var client = await _listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await serve(client);
        });
    }

    public int Port { get; }

    /// <summary>Completes once the one connection was handled.</summary>
    public Task Served { get; }

    public static TlsTestServer Tls(string? httpAnswer = null) => new(async client =>
    {
        await using var tls = new SslStream(new NetworkStream(client, ownsSocket: false));
        try
        {
            await tls.AuthenticateAsServerAsync(Certificate.Value).WaitAsync(TimeSpan.FromSeconds(10));
            if (httpAnswer is not null)
            {
                var buffer = new byte[4096];
                _ = await tls.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                await tls.WriteAsync(Encoding.ASCII.GetBytes(httpAnswer));
            }
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            // The checker gave up or refused the certificate.
        }
    });

    public static TlsTestServer Plain() => new(async client =>
    {
        var buffer = new byte[4096];
        _ = await client.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
        await client.SendAsync("HTTP/1.0 400 Bad Request\r\n\r\n"u8.ToArray(), SocketFlags.None);
        client.Shutdown(SocketShutdown.Both);
    });

    public static TlsTestServer Silent() => new(async _ => await Task.Delay(TimeSpan.FromSeconds(2)));

    public void Dispose() => _listener.Stop();

    private static readonly Lazy<X509Certificate2> Certificate = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    });
}
