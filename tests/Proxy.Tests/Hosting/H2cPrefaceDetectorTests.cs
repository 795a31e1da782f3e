using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Proxy.Hosting;

namespace Proxy.Tests.Hosting;

public class H2cPrefaceDetectorTests
{
    private const string Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    private static async Task<(bool IsHttp2, string Left)> DetectAsync(params string[] writes)
    {
        var pipe = new Pipe();
        var detecting = H2cPrefaceDetector.StartsWithPrefaceAsync(pipe.Reader, TimeSpan.FromSeconds(30), CancellationToken.None);
        foreach (var write in writes)
        {
            await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(write));
        }

        await pipe.Writer.CompleteAsync();
        var isHttp2 = await detecting;
        var rest = await pipe.Reader.ReadAsync();
        var left = Encoding.ASCII.GetString(rest.Buffer.ToArray());
        pipe.Reader.AdvanceTo(rest.Buffer.End);
        return (isHttp2, left);
    }

    [Fact]
    public async Task StartsWithPreface_FullPrefaceInPieces_Http2AndNothingConsumed()
    {
        var (isHttp2, left) = await DetectAsync("PRI * HT", "TP/2.0\r\n\r\nSM\r\n", "\r\n\0\0");

        Assert.True(isHttp2);
        Assert.Equal(Preface + "\0\0", left);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("PRI * HTTP/1.1\r\n\r\n")]
    [InlineData("PRI")]
    public async Task StartsWithPreface_OtherBytes_Http1AndNothingConsumed(string sent)
    {
        var (isHttp2, left) = await DetectAsync(sent);

        Assert.False(isHttp2);
        Assert.Equal(sent, left);
    }

    [Fact]
    public async Task StartsWithPreface_SilentClient_GivesUpAfterTimeout()
    {
        var pipe = new Pipe();

        var isHttp2 = await H2cPrefaceDetector.StartsWithPrefaceAsync(pipe.Reader, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        Assert.False(isHttp2);
    }

    [Fact]
    public void IsSupported_KestrelOfThisRuntime_HasPerConnectionProtocols()
    {
        Assert.True(H2cPrefaceDetector.IsSupported);
    }
}
