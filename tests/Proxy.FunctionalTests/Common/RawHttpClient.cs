using System.Net.Sockets;
using System.Text;

namespace Proxy.FunctionalTests.Common;

/// <summary>Sends bytes exactly as given over one TCP connection and reads until the peer closes or the limit passes.</summary>
internal static class RawHttpClient
{
    public static async Task<string> ExchangeAsync(int port, string request, TimeSpan? limit = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var cancel = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // A reset after the answer, or a peer that keeps the connection open: what was received is the answer.
        }

        return Encoding.Latin1.GetString(received.ToArray());
    }

    /// <summary>Splits a response into its status line, header lines (as sent) and body.</summary>
    public static (string StatusLine, string[] Headers, string Body) Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split >= 0, $"no complete response head in: {raw}");
        var head = raw[..split].Split("\r\n");
        return (head[0], head[1..], raw[(split + 4)..]);
    }
}
