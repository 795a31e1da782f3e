using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.FunctionalTests.Common;
using Xunit.Abstractions;

namespace Proxy.FunctionalTests;

/// <summary>
/// S3-style traffic (Ceph RGW behind the proxy, ../shared/spec/haproxy-2.6.md §7): signatures cover Host and the
/// raw path and query, so they must arrive byte for byte, and object uploads must stream without buffering.
/// </summary>
public class S3TrafficTests(ITestOutputHelper output)
{
    private const string Defaults = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 60s\n    timeout server 60s\n";

    private const string PresignedTarget =
        "/photos/2026/a%2Fb%20c+d.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request" +
        "&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0a1b%2B2c%3D%3D+3d&response-content-disposition=attachment%3B%20filename%3D%22x%2By.jpg%22";

    private static string Config(int port, int serverPort)
        => Defaults + $"frontend fe\n    bind 127.0.0.1:{port}\n    default_backend rgw\nbackend rgw\n    server rgw1 127.0.0.1:{serverPort}\n";

    [Fact]
    public async Task PresignedGet_EncodedQuery_HostPathAndQueryArriveByteIdentical()
    {
        await using var backend = RawTcpBackend.Start();
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Config(port, backend.Port));

        var response = await RawHttpClient.ExchangeAsync(port,
            $"GET {PresignedTarget} HTTP/1.1\r\nHost: Photos.S3.Example.com:7480\r\nUser-Agent: aws-sdk\r\nConnection: close\r\n\r\n");
        var head = await backend.NextHeadAsync();

        Assert.StartsWith("HTTP/1.1 200 OK", response);
        Assert.StartsWith($"GET {PresignedTarget} HTTP/1.1\r\n", head);
        // The value byte for byte; the name lower-cased as haproxy 2.6 sends it.
        Assert.Contains("\r\nhost: Photos.S3.Example.com:7480\r\n", head);
    }

    [Fact]
    public async Task Put200MiB_ExpectContinue_StreamsByteIdentical_ProxyProcessStaysUnder100MiB()
    {
        const long size = 200L * 1024 * 1024;
        var received = new UploadRecord();
        await using var backend = await KestrelBackend.StartAsync(context => HashUploadAsync(context, received));
        var port = FreePort.Next();
        using var dir = new TempDirectory();
        await dir.WriteAsync("proxy.cfg", Config(port, backend.Port));
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(port, proxy, TimeSpan.FromSeconds(30));
        using var sampler = new MemorySampler(proxy.Id);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            Timeout = TimeSpan.FromMinutes(5),
        };
        var content = new PatternContent(size);
        using var request = new HttpRequestMessage(HttpMethod.Put,
            new Uri($"http://127.0.0.1:{port}{PresignedTarget}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }))
        {
            Content = content,
        };
        request.Headers.Host = "photos.s3.example.com";
        request.Headers.ExpectContinue = true;

        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        clock.Stop();
        var peak = sampler.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size, received.Length);
        Assert.Equal(content.Sha256, received.Sha256);
        Assert.Equal(PresignedTarget, received.Target);
        Assert.Equal("photos.s3.example.com", received.Host);
        Assert.Equal("100-continue", received.Expect);
        Assert.Equal(size.ToString(CultureInfo.InvariantCulture), received.ContentLength);
        output.WriteLine($"200 MiB through the proxy in {clock.Elapsed.TotalSeconds:F2} s = {size / 1048576.0 / clock.Elapsed.TotalSeconds:F0} MiB/s; " +
            $"proxy VmHWM {peak.HighWaterKiB / 1024} MiB, highest VmRSS sampled {peak.MaxRssKiB / 1024} MiB ({peak.Samples} samples)");
        Assert.True(peak.Samples > 0, "no memory sample was taken");
        Assert.True(peak.HighWaterKiB < 100 * 1024, $"proxy peak RSS {peak.HighWaterKiB / 1024} MiB");
    }

    [Fact]
    public async Task Get200MiB_ObjectDownload_StreamsByteIdentical_ProxyProcessStaysUnder100MiB()
    {
        const long size = 200L * 1024 * 1024;
        // The backend's hash is known once its write returns, which can be after the client read the last byte.
        var sent = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await KestrelBackend.StartAsync(async context =>
        {
            context.Response.ContentLength = size;
            sent.TrySetResult(await PatternContent.WriteAsync(context.Response.Body, size));
        });
        var port = FreePort.Next();
        using var dir = new TempDirectory();
        await dir.WriteAsync("proxy.cfg", Config(port, backend.Port));
        using var proxy = ExternalProcess.StartProxy(["-f", "proxy.cfg"], dir.Path);
        await PortWaiter.WaitAsync(port, proxy, TimeSpan.FromSeconds(30));
        using var sampler = new MemorySampler(proxy.Id);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromMinutes(5) };

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync($"http://127.0.0.1:{port}/photos/big.bin", HttpCompletionOption.ResponseHeadersRead);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        clock.Stop();
        var peak = sampler.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size, length);
        Assert.Equal(await sent.Task.WaitAsync(TimeSpan.FromSeconds(30)), Convert.ToHexString(hash.GetHashAndReset()));
        output.WriteLine($"200 MiB download through the proxy in {clock.Elapsed.TotalSeconds:F2} s = {size / 1048576.0 / clock.Elapsed.TotalSeconds:F0} MiB/s; " +
            $"proxy VmHWM {peak.HighWaterKiB / 1024} MiB, highest VmRSS sampled {peak.MaxRssKiB / 1024} MiB ({peak.Samples} samples)");
        Assert.True(peak.HighWaterKiB < 100 * 1024, $"proxy peak RSS {peak.HighWaterKiB / 1024} MiB");
    }

    // Hashes the body as it arrives: nothing is held but one read buffer.
    private static async Task HashUploadAsync(HttpContext context, UploadRecord record)
    {
        record.Target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        record.Host = context.Request.Headers.Host;
        record.Expect = context.Request.Headers.Expect;
        record.ContentLength = context.Request.Headers[Microsoft.Net.Http.Headers.HeaderNames.ContentLength];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            record.Length += read;
        }

        record.Sha256 = Convert.ToHexString(hash.GetHashAndReset());
        context.Response.ContentLength = 0;
    }

    private sealed class UploadRecord
    {
        public string? Target { get; set; }

        public string? Host { get; set; }

        public string? Expect { get; set; }

        public string? ContentLength { get; set; }

        public long Length { get; set; }

        public string? Sha256 { get; set; }
    }

    /// <summary>A deterministic body of any length, generated and hashed block by block while it is sent.</summary>
    private sealed class PatternContent(long length) : HttpContent
    {
        public string? Sha256 { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => Sha256 = await WriteAsync(stream, length);

        /// <summary>Writes <paramref name="size"/> pattern bytes to <paramref name="stream"/>; returns their SHA-256.</summary>
        public static async Task<string> WriteAsync(Stream stream, long size)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var block = new byte[65536];
            var random = new Random(20260101);
            for (long sent = 0; sent < size; sent += block.Length)
            {
                random.NextBytes(block);
                var count = (int)Math.Min(block.Length, size - sent);
                hash.AppendData(block, 0, count);
                await stream.WriteAsync(block.AsMemory(0, count));
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }

        protected override bool TryComputeLength(out long result)
        {
            result = length;
            return true;
        }
    }

    /// <summary>Polls /proc/PID/status (VmRSS, VmHWM) of the proxy process until stopped; bounded by the upload.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly int _pid;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(long MaxRssKiB, int Samples)> _sampling;

        public MemorySampler(int pid)
        {
            _pid = pid;
            _sampling = Task.Run(SampleAsync);
        }

        public (long HighWaterKiB, long MaxRssKiB, int Samples) Stop()
        {
            var highWater = Read("VmHWM:");
            _stop.Cancel();
            var (maxRss, samples) = _sampling.GetAwaiter().GetResult();
            return (highWater, maxRss, samples);
        }

        private async Task<(long, int)> SampleAsync()
        {
            long max = 0;
            var samples = 0;
            while (!_stop.IsCancellationRequested && samples < 100_000)
            {
                max = Math.Max(max, Read("VmRSS:"));
                samples++;
                try
                {
                    // A sampling interval, not a wait for behaviour: VmHWM (read at the end) is the authoritative peak.
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return (max, samples);
        }

        private long Read(string field)
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }

            throw new InvalidOperationException($"{field} missing for PID {_pid}");
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
