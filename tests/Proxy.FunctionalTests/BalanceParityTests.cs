using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// `balance` side by side with Debian's haproxy 2.6: the same backend configurations (unequal weights, both hash
/// types, every hash function, explicit ids, a disabled server), and every key must reach the same server through
/// both; round robin orders must be the same pick by pick from the start.
/// </summary>
public class BalanceParityTests(BalanceParityFixture fixture) : IClassFixture<BalanceParityFixture>
{
    private const int Keys = 1000;
    private const int Sequence = 200;

    public static TheoryData<string> KeyedCases() => [.. BalanceParityCase.All.Where(c => c.Key != BalanceKey.None).Select(c => c.Name)];

    public static TheoryData<string> SequenceCases() => [.. BalanceParityCase.All.Where(c => c.Key == BalanceKey.None).Select(c => c.Name)];

    [RequiresHaproxyTheory]
    [MemberData(nameof(SequenceCases))]
    public async Task Sequence_First200Picks_SameAsHaproxy(string name)
    {
        var parityCase = BalanceParityCase.All.Single(c => c.Name == name);
        var (haproxyPort, proxyPort) = fixture.Ports(name);

        var expected = await SequenceAsync(haproxyPort);
        var actual = await SequenceAsync(proxyPort);

        Assert.True(expected.Distinct().Count() >= parityCase.MinServers, string.Join(' ', expected));
        Assert.Equal(string.Join(' ', expected), string.Join(' ', actual));
    }

    [RequiresHaproxyTheory]
    [MemberData(nameof(KeyedCases))]
    public async Task Hash_1000Keys_SameServerAsHaproxy(string name)
    {
        var parityCase = BalanceParityCase.All.Single(c => c.Name == name);
        var (haproxyPort, proxyPort) = fixture.Ports(name);

        var expected = await PicksAsync(parityCase.Key, haproxyPort);
        var actual = await PicksAsync(parityCase.Key, proxyPort);

        Assert.True(expected.Values.Distinct().Count() >= parityCase.MinServers, "haproxy spread the keys over too few servers");
        var differing = Enumerable.Range(0, Keys).Where(k => expected[k] != actual[k]).ToList();
        Assert.True(differing.Count == 0,
            $"{differing.Count} of {Keys} keys differ, e.g. key {differing.FirstOrDefault()}: haproxy {expected[differing.FirstOrDefault()]}, proxy {actual[differing.FirstOrDefault()]}");
    }

    private static async Task<string[]> SequenceAsync(int port)
    {
        using var client = Client();
        var picks = new string[Sequence];
        for (var i = 0; i < Sequence; i++)
        {
            picks[i] = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
        }

        return picks;
    }

    private static async Task<IReadOnlyDictionary<int, string>> PicksAsync(BalanceKey key, int port)
    {
        var picks = new ConcurrentDictionary<int, string>();
        using var client = Client();
        await Parallel.ForEachAsync(Enumerable.Range(0, Keys), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (k, token) =>
        {
            picks[k] = key == BalanceKey.Source
                ? await FromSourceAsync(SourceAddress(k), port, token)
                : await client.SendAsync(Request(key, k, port), token) is var response
                    ? await response.Content.ReadAsStringAsync(token)
                    : "";
        });
        return picks;
    }

    private static HttpRequestMessage Request(BalanceKey key, int k, int port)
    {
        var target = key switch
        {
            BalanceKey.Uri => $"/p{k}/Q{k % 7}/r{k % 3}?x={k}",
            BalanceKey.UrlParam => $"/x?a={k % 5}&id=user-{k}-{k % 11}&b=2",
            _ => "/",
        };
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{target}"));
        if (key == BalanceKey.Header)
        {
            request.Headers.Add("X-Key", $"client-{k}, other");
        }
        else if (key == BalanceKey.Host)
        {
            request.Headers.Host = $"www{k % 3}.d{k}.example";

            // haproxy 2.6 get_server_hh with use_domain_only first looks at the byte just past the value; when that
            // stray byte is a '.', it hashes "example" instead. A header after Host makes that byte an 'x'.
            request.Headers.Add("X-After", "1");
        }

        return request;
    }

    // Spread over 127.0.0.0/8, never .0 or .255 in the last byte.
    private static IPAddress SourceAddress(int k)
    {
        var mixed = (uint)k * 2654435761u;
        return new IPAddress([127, (byte)(mixed >> 24), (byte)(mixed >> 16), (byte)(1 + (k % 254))]);
    }

    private static async Task<string> FromSourceAsync(IPAddress source, int port, CancellationToken token)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(source, 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), token);
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), token);
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        var raw = await reader.ReadToEndAsync(limit.Token);
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return split < 0 ? raw : raw[(split + 4)..];
    }

    private static HttpClient Client() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 8, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };
}
