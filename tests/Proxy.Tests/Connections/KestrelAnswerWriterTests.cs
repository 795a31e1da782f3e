using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Proxy.Connections;
using Proxy.Logging;

namespace Proxy.Tests.Connections;

public sealed class KestrelAnswerWriterTests
{
    private const string KestrelRefusal = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Sun, 22 Nov 2026 07:32:39 GMT\r\n\r\n";

    private readonly Pipe _pipe = new();
    private readonly ClientConnection _connection = new(new ClientConnections(), null, 0);
    private readonly List<(int Status, bool Silent)> _answers = [];

    private KestrelAnswerWriter Writer() => new(_pipe.Writer, _connection, (status, silent) => _answers.Add((status, silent)));

    [Fact]
    public async Task FlushAsync_KestrelRefusalBetweenRequests_HaproxyPageSentAndReported()
    {
        var writer = Writer();

        await writer.WriteAsync(Encoding.ASCII.GetBytes(KestrelRefusal));

        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.BadRequest), await ReadAllAsync(writer));
        Assert.Equal([(400, false)], _answers);
    }

    [Fact]
    public async Task FlushAsync_KestrelTimeoutAnswer_Haproxy408()
    {
        var writer = Writer();

        await writer.WriteAsync(Encoding.ASCII.GetBytes(KestrelRefusal.Replace("400 Bad Request", "408 Request Timeout")));

        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.RequestTimeout), await ReadAllAsync(writer));
        Assert.Equal([(408, false)], _answers);
    }

    [Fact]
    public async Task FlushAsync_SameBytesWhileTheApplicationAnswers_Unchanged()
    {
        var writer = Writer();
        _connection.ApplicationBegin();

        await writer.WriteAsync(Encoding.ASCII.GetBytes(KestrelRefusal));

        Assert.Equal(KestrelRefusal, await ReadAllAsync(writer));
        Assert.Empty(_answers);
    }

    [Fact]
    public async Task FlushAsync_AfterApplicationEndedBeforeNextRead_StillTheApplicationsResponse()
    {
        var writer = Writer();
        _connection.ApplicationBegin();
        _connection.ApplicationEnd();

        await writer.WriteAsync(Encoding.ASCII.GetBytes(KestrelRefusal));
        _connection.ReadIssued();
        await writer.WriteAsync(Encoding.ASCII.GetBytes(KestrelRefusal));

        Assert.Equal(KestrelRefusal + Encoding.ASCII.GetString(RawErrorAnswer.BadRequest), await ReadAllAsync(writer));
        Assert.Equal([(400, false)], _answers);
    }

    [Fact]
    public async Task FlushAsync_SilentClientAnswer_PassedAndReportedAsSilent()
    {
        var writer = Writer();

        await writer.WriteAsync(RawErrorAnswer.RequestTimeout.ToArray());

        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.RequestTimeout), await ReadAllAsync(writer));
        Assert.Equal([(408, true)], _answers);
    }

    [Fact]
    public async Task Complete_ClientClosedMidHead_HaproxyBadRequestAndReported()
    {
        var writer = Writer();
        _connection.MarkHeadBytes();
        _connection.MarkInputEnded();

        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.BadRequest), await ReadAllAsync(writer));
        Assert.Equal([(400, false)], _answers);
    }

    [Fact]
    public async Task Complete_ClientClosedBeforeAnyRequest_BadRequestReportedAsSilent()
    {
        var writer = Writer();
        _connection.MarkInputEnded();

        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.BadRequest), await ReadAllAsync(writer));
        Assert.Equal([(400, true)], _answers);
    }

    [Fact]
    public async Task Complete_ClientClosedIdleKeepAliveConnection_NothingSent()
    {
        var writer = Writer();
        _connection.ApplicationBegin();
        _connection.ApplicationEnd();
        _connection.ReadIssued();
        _connection.MarkInputEnded();

        Assert.Equal("", await ReadAllAsync(writer));
        Assert.Empty(_answers);
    }

    [Fact]
    public async Task Complete_AfterKestrelsRefusal_NoSecondAnswer()
    {
        var writer = Writer();
        _connection.MarkHeadBytes();
        _connection.MarkInputEnded();

        await writer.WriteAsync(Encoding.ASCII.GetBytes(KestrelRefusal));

        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.BadRequest), await ReadAllAsync(writer));
        Assert.Equal([(400, false)], _answers);
    }

    [Fact]
    public async Task FlushAsync_Http2FirstBytes_PassThroughForTheRestOfTheConnection()
    {
        var writer = Writer();
        byte[] settings = [0, 0, 0, 4, 0, 0, 0, 0, 0];

        await writer.WriteAsync(settings);
        await writer.WriteAsync(Encoding.ASCII.GetBytes(KestrelRefusal));

        Assert.Equal(Encoding.Latin1.GetString(settings) + KestrelRefusal, await ReadAllAsync(writer));
        Assert.Empty(_answers);
    }

    [Fact]
    public async Task Complete_HeldBytesNotFlushed_StillSent()
    {
        var writer = Writer();
        ((IBufferWriter<byte>)writer).Write(Encoding.ASCII.GetBytes(KestrelRefusal));

        Assert.Equal(KestrelRefusal.Length, writer.UnflushedBytes);
        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.BadRequest), await ReadAllAsync(writer));
    }

    private async Task<string> ReadAllAsync(KestrelAnswerWriter writer)
    {
        await writer.CompleteAsync();
        var text = new StringBuilder();
        while (true)
        {
            var result = await _pipe.Reader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                text.Append(Encoding.Latin1.GetString(segment.Span));
            }

            _pipe.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return text.ToString();
            }
        }
    }
}
