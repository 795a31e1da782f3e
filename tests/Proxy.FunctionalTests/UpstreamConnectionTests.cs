using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// The HTTP/1.1 forwarder against scripted servers on 127.0.0.1: keep-alive connections reused, a kept-alive
/// connection the server closed meanwhile replaced without a failure, interim responses, and bad responses answered
/// as haproxy 2.6 answers them (502, PH; checked by hand against Debian's haproxy with the same bytes).
/// </summary>
public sealed class UpstreamConnectionTests
{
    private static string Config(int port, int serverPort)
        => "defaults\n mode http\n timeout connect 1s\n timeout client 10s\n timeout server 5s\n" +
           $"frontend fe\n bind 127.0.0.1:{port}\n default_backend be\nbackend be\n server s1 127.0.0.1:{serverPort}\n";

    [Fact]
    public async Task KeepAlive_TwoRequests_OneServerConnection()
    {
        await using var server = new ScriptedServer(async (stream, _) =>
        {
            while (await ReadHeadAsync(stream) is not null)
            {
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
            }
        });
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, server.Port));

        var first = await RawHttpClient.ExchangeAsync(port, "GET /1 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        var second = await RawHttpClient.ExchangeAsync(port, "GET /2 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        Assert.EndsWith("\r\n\r\nok", first);
        Assert.EndsWith("\r\n\r\nok", second);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task KeptAliveConnectionClosedByServer_NextRequestOnANewConnection_NoFailure()
    {
        // The server answers one request per connection, keeps it "alive", then closes it.
        await using var server = new ScriptedServer(async (stream, _) =>
        {
            if (await ReadHeadAsync(stream) is not null)
            {
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
            }
        });
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, server.Port), observer: recorder);

        var first = await RawHttpClient.ExchangeAsync(port, "GET /first HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        await server.WaitClosedAsync(1);
        var second = await RawHttpClient.ExchangeAsync(port, "GET /second HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        Assert.EndsWith("\r\n\r\nok", first);
        Assert.StartsWith("HTTP/1.1 200", second);
        Assert.EndsWith("\r\n\r\nok", second);
        var outcome = await recorder.ForAsync("/second");
        Assert.Equal((200, "--", 0), (outcome.Status, outcome.TerminationState, outcome.Retries));
        Assert.Equal(2, server.Accepted);
    }

    [Theory]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 2\r\n\r\nok")]
    public async Task BadResponse_502PH(string reply)
    {
        await using var server = new ScriptedServer(async (stream, _) =>
        {
            if (await ReadHeadAsync(stream) is not null)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply));
            }
        }, closeAfter: false);
        var port = FreePort.Next();
        var recorder = new OutcomeRecorder();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, server.Port), observer: recorder);

        var response = await RawHttpClient.ExchangeAsync(port, "GET /bad HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 502", response);
        var outcome = await recorder.ForAsync("/bad");
        Assert.Equal((502, "PH"), (outcome.Status, outcome.TerminationState));
    }

    [Fact]
    public async Task InterimResponses_Dropped_FinalResponseAndReasonPhraseForwarded()
    {
        await using var server = new ScriptedServer(async (stream, _) =>
        {
            if (await ReadHeadAsync(stream) is not null)
            {
                await stream.WriteAsync("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 Fine Thanks\r\nX-Up: a\r\nX-Up: b\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
            }
        });
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, server.Port));

        var (status, headers, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));

        Assert.Equal("HTTP/1.1 200 Fine Thanks", status);
        Assert.Equal(["X-Up: a", "X-Up: b"], headers.Where(h => h.StartsWith("X-Up", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("ok", body);
    }

    [Fact]
    public async Task ExpectContinue_ServerNeverSends100_BodySentAfterTheWait()
    {
        await using var server = new ScriptedServer(async (stream, _) =>
        {
            if (await ReadHeadAsync(stream) is not null)
            {
                var body = new byte[5];
                await stream.ReadExactlyAsync(body);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{Encoding.ASCII.GetString(body)}"));
            }
        });
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, server.Port));

        var response = await RawHttpClient.ExchangeAsync(port,
            "PUT /o HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");

        Assert.EndsWith("\r\n\r\nhello", response);
    }

    // The request head, or null when the peer closed first.
    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    /// <summary>A server on 127.0.0.1:0 that runs a script on each connection, then closes it (bounded: 10 s each).</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Func<NetworkStream, CancellationToken, Task> _script;
        private readonly bool _closeAfter;
        private readonly Task _loop;
        private int _accepted;
        private int _closed;

        public ScriptedServer(Func<NetworkStream, CancellationToken, Task> script, bool closeAfter = true)
        {
            _script = script;
            _closeAfter = closeAfter;
            _listener.Start();
            _loop = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Accepted => Volatile.Read(ref _accepted);

        /// <summary>Waits (bounded) until <paramref name="count"/> connections were closed by the script's end.</summary>
        public async Task WaitClosedAsync(int count)
        {
            for (var i = 0; i < 250 && Volatile.Read(ref _closed) < count; i++)
            {
                await Task.Delay(20);
            }

            Assert.True(Volatile.Read(ref _closed) >= count, "the server did not close its connection");
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _accepted);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await _script(client.GetStream(), limit.Token).WaitAsync(limit.Token);
                if (!_closeAfter)
                {
                    await Task.Delay(Timeout.Infinite, limit.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The peer or the test ended the exchange.
            }
            finally
            {
                client.Dispose();
                Interlocked.Increment(ref _closed);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }
    }
}
