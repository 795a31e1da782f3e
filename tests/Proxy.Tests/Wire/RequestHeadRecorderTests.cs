using System.IO.Pipelines;
using System.Text;
using Proxy.Wire;

namespace Proxy.Tests.Wire;

public class RequestHeadRecorderTests
{
    private const string Head1 = "GET /a HTTP/1.1\r\nHost: x\r\nX-B: 1\r\nAccept: */*\r\n\r\n";
    private const string Head2 = "PUT /b HTTP/1.1\r\nhost: y\r\nContent-Length: 10\r\n\r\n";

    [Fact]
    public async Task TakeHead_TwoRequestsConsumedAsKestrelDoes_EachHeadOnce()
    {
        var (pipe, recorder) = Start();
        await Write(pipe, Head1 + Head2);

        await Consume(recorder, Head1.Length);
        Assert.Equal(Head1, Text(recorder.TakeHead(0)));
        await Consume(recorder, Head2.Length);

        Assert.Equal(Head2, Text(recorder.TakeHead(0)));
        Assert.Equal("", Text(recorder.TakeHead(0)));
    }

    [Fact]
    public async Task TakeHead_HeadConsumedLineByLineOverSeveralReads_WholeHead()
    {
        var (pipe, recorder) = Start();
        await Write(pipe, Head1[..20]);
        await Consume(recorder, 17); // the request line
        await Write(pipe, Head1[20..]);
        await Consume(recorder, 9);
        await Consume(recorder, Head1.Length - 26);

        Assert.Equal(Head1, Text(recorder.TakeHead(0)));
    }

    [Fact]
    public async Task TakeHead_ContentLengthBodyBetweenHeads_BodySkipped()
    {
        var (pipe, recorder) = Start();
        await Write(pipe, Head2 + "0123456789" + Head1);
        await Consume(recorder, Head2.Length);
        Assert.Equal(Head2, Text(recorder.TakeHead(10)));

        await Consume(recorder, 4);
        await Consume(recorder, 6);
        await Consume(recorder, Head1.Length);

        Assert.Equal(Head1, Text(recorder.TakeHead(0)));
    }

    [Fact]
    public async Task TakeHead_BodyBytesConsumedWithTheHead_CountedAgainstTheBody()
    {
        var (pipe, recorder) = Start();
        await Write(pipe, Head2 + "0123456789" + Head1);
        await Consume(recorder, Head2.Length + 3);
        Assert.Equal(Head2, Text(recorder.TakeHead(10)));

        await Consume(recorder, 7 + Head1.Length);

        Assert.Equal(Head1, Text(recorder.TakeHead(0)));
    }

    [Fact]
    public async Task TakeHead_ChunkedBody_RecordingStopsForTheConnection()
    {
        var (pipe, recorder) = Start();
        await Write(pipe, Head1 + "0\r\n\r\n" + Head1);
        await Consume(recorder, Head1.Length);
        Assert.Equal(Head1, Text(recorder.TakeHead(-1)));

        await Consume(recorder, 5 + Head1.Length);

        Assert.Equal("", Text(recorder.TakeHead(0)));
    }

    [Fact]
    public async Task TakeHead_Http2Preface_NothingRecorded()
    {
        var (pipe, recorder) = Start();
        await Write(pipe, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

        await Consume(recorder, 24);

        Assert.Equal("", Text(recorder.TakeHead(0)));
    }

    [Fact]
    public async Task TakeHead_HeadLargerThanLimit_NothingRecorded()
    {
        var (pipe, recorder) = Start();
        var big = "GET / HTTP/1.1\r\nX-Big: " + new string('a', RequestHeadRecorder.MaxHead) + "\r\n\r\n";
        await Write(pipe, big);

        await Consume(recorder, big.Length);

        Assert.Equal("", Text(recorder.TakeHead(0)));
    }

    private static (Pipe Pipe, RequestHeadRecorder Recorder) Start()
    {
        var pipe = new Pipe();
        return (pipe, new RequestHeadRecorder(pipe.Reader));
    }

    private static async Task Write(Pipe pipe, string text) => await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(text));

    // Reads and consumes exactly `count` bytes, as Kestrel's parser does with what it has parsed.
    private static async Task Consume(RequestHeadRecorder recorder, int count)
    {
        var result = await recorder.ReadAsync();
        Assert.True(result.Buffer.Length >= count);
        recorder.AdvanceTo(result.Buffer.GetPosition(count));
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.ASCII.GetString(bytes.Span);
}
