// BalancerBench: cost of one IBalancer.Pick per `balance` algorithm, and the bytes it allocates.
// Usage: dotnet run -c Release --project bench/BalancerBench [-- --picks N]
// Five servers with unequal weights; hashing algorithms get 1024 prepared requests with distinct keys (built before
// measuring). Each algorithm is warmed up first, then timed with a Stopwatch over N picks on one thread; allocation is
// GC.GetAllocatedBytesForCurrentThread() after minus before, divided by N.
using System.Diagnostics;
using System.Net;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.LoadBalancing;
using Proxy.Runtime;

var picks = 2_000_000;
if (args is ["--picks", var text] && int.TryParse(text, out var n) && n > 0)
{
    picks = n;
}

var at = new SourceLocation("bench.cfg", 1);
var contexts = new BalanceContext[1024];
for (var i = 0; i < contexts.Length; i++)
{
    var http = new DefaultHttpContext();
    http.Features.Get<IHttpRequestFeature>()!.RawTarget = $"/static/{i}/img-{i * 7}.png?v={i}&id=user{i}";
    http.Connection.RemoteIpAddress = new IPAddress([10, (byte)(i >> 8), (byte)i, 7]);
    http.Request.Headers.Host = $"www.site{i}.example";
    http.Request.Headers["X-Key"] = $"client-{i}";
    contexts[i] = new BalanceContext(http);
}

Console.WriteLine($"{"balance",-40} {"ns/pick",8} {"bytes/pick",10}");
foreach (var (name, lines) in new (string, string[])[]
{
    ("roundrobin", ["balance roundrobin"]),
    ("static-rr", ["balance static-rr"]),
    ("leastconn", ["balance leastconn"]),
    ("first", ["balance first"]),
    ("random(2)", ["balance random(2)"]),
    ("source (map-based)", ["balance source"]),
    ("source (consistent)", ["balance source", "hash-type consistent"]),
    ("uri (map-based)", ["balance uri"]),
    ("uri depth 2 (consistent)", ["balance uri depth 2", "hash-type consistent"]),
    ("url_param id (map-based)", ["balance url_param id"]),
    ("hdr(x-key) (consistent)", ["balance hdr(x-key)", "hash-type consistent"]),
    ("hdr(host) use_domain_only (map-based)", ["balance hdr(host) use_domain_only"]),
    ("hash req.hdr(x-key) (consistent)", ["balance hash req.hdr(x-key)", "hash-type consistent"]),
})
{
    var parsed = ConfigParser.HaproxyConfigLoader.Parse(
        [new ConfigParser.ConfigSource("bench.cfg", $"defaults\n mode http\nbackend b\n {string.Join("\n ", lines)}\n")]);
    var backend = parsed.Config!.Backends[0];
    ServerState[] servers = [.. new[] { 1, 2, 3, 4, 5 }.Select((w, i) => new ServerState(new ServerDefinition(at, $"s{i + 1}", "127.0.0.1", 80, w), i))];
    var pool = new ServerPool(servers, allBackups: false);
    var balancer = BalancerFactory.Create(backend, pool, new Random(1), out var unsupported)
        ?? throw new InvalidOperationException(unsupported);

    Run(balancer, pool, contexts, 200_000);
    var before = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    Run(balancer, pool, contexts, picks);
    watch.Stop();
    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    Console.WriteLine($"{name,-40} {watch.Elapsed.TotalNanoseconds / picks,8:F1} {allocated / (double)picks,10:F3}");
}

return 0;

static void Run(IBalancer balancer, ServerPool pool, BalanceContext[] contexts, int count)
{
    for (var i = 0; i < count; i++)
    {
        var eligible = pool.Current.Servers;
        _ = balancer.Pick(contexts[i & (contexts.Length - 1)], eligible);
    }
}
