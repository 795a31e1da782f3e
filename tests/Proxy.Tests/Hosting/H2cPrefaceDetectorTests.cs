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
        var detecting = H2cPrefaceDetector.ReadFirstBytesAsync(pipe.Reader, TimeSpan.FromSeconds(30), CancellationToken.None);
        foreach (var write in writes)
        {
            await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(write));
        }

        await pipe.Writer.CompleteAsync();
        var isHttp2 = await detecting == H2cPrefaceDetector.FirstBytes.Http2;
        var rest = await pipe.Reader.ReadAsync();
        var left = Encoding.ASCII.GetString(rest.Buffer.ToArray());
        pipe.Reader.AdvanceTo(rest.Buffer.End);
        return (isHttp2, left);
    }

    [Fact]
    public async Task ReadFirstBytes_FullPrefaceInPieces_Http2AndNothingConsumed()
    {
        var (isHttp2, left) = await DetectAsync("PRI * HT", "TP/2.0\r\n\r\nSM\r\n", "\r\n\0\0");

        Assert.True(isHttp2);
        Assert.Equal(Preface + "\0\0", left);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("PRI * HTTP/1.1\r\n\r\n")]
    [InlineData("PRI")]
    public async Task ReadFirstBytes_OtherBytes_Http1AndNothingConsumed(string sent)
    {
        var (isHttp2, left) = await DetectAsync(sent);

        Assert.False(isHttp2);
        Assert.Equal(sent, left);
    }

    [Fact]
    public async Task ReadFirstBytes_NothingBeforeTimeout_Silent()
    {
        var pipe = new Pipe();

        var first = await H2cPrefaceDetector.ReadFirstBytesAsync(pipe.Reader, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        Assert.Equal(H2cPrefaceDetector.FirstBytes.Silent, first);
    }

    [Fact]
    public async Task ReadFirstBytes_PartOfPrefaceThenTimeout_Http1NotSilent()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync("PRI * "u8.ToArray());

        var first = await H2cPrefaceDetector.ReadFirstBytesAsync(pipe.Reader, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        Assert.Equal(H2cPrefaceDetector.FirstBytes.Http1, first);
    }

    [Fact]
    public void SilentClientAnswer_ContentLengthMatchesBody()
    {
        var text = Encoding.ASCII.GetString(H2cPrefaceDetector.SilentClientAnswer);
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

        Assert.Contains($"Content-length: {body.Length}\r\n", text);
    }

    [Fact]
    public void IsSupported_KestrelOfThisRuntime_HasPerConnectionProtocols()
    {
        Assert.True(H2cPrefaceDetector.IsSupported);
    }
}
