using System.IO.Pipelines;
using System.Text;
using Proxy.Connections;
using Proxy.Logging;
using Proxy.Tests.Support;

namespace Proxy.Tests.Connections;

public sealed class LateHeadReaderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Pipe _client = new();
    private readonly Pipe _sent = new();
    private readonly FakeTimeProvider _time = new();
    private readonly ClientConnection _connection;
    private readonly List<(int Status, bool Silent)> _answers = [];
    private readonly LateHeadReader _reader;

    public LateHeadReaderTests()
    {
        _connection = new ClientConnection(new ClientConnections(), null, _time.GetTimestamp());
        var output = new KestrelAnswerWriter(_sent.Writer, _connection, (status, silent) => _answers.Add((status, silent)));
        _reader = new LateHeadReader(new FirstBytesReader(_client.Reader, _connection, _time, output), _connection, output, Timeout, _time);
    }

    [Fact]
    public async Task ReadAsync_WholeHeadInOneRead_NoTimer()
    {
        await _client.Writer.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());

        await ReadAsKestrelAsync();
        _connection.ApplicationBegin();

        Assert.Equal(0, _time.PendingTimers);
    }

    [Fact]
    public async Task ReadAsync_HeadIncompleteForTimeout_Haproxy408AndInputEnded()
    {
        await _client.Writer.WriteAsync("GET / HTTP/1.1\r\n"u8.ToArray());
        await ReadAsKestrelAsync();
        var next = _reader.ReadAsync().AsTask();

        _time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await next.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsCompleted);
        Assert.Equal([(408, false)], _answers);
        Assert.Equal(Encoding.ASCII.GetString(RawErrorAnswer.RequestTimeout), await SentAsync());
    }

    [Fact]
    public async Task ReadAsync_HeadCompletedBeforeTimeout_NothingSent()
    {
        await _client.Writer.WriteAsync("GET / HTTP/1.1\r\n"u8.ToArray());
        await ReadAsKestrelAsync();
        var next = _reader.ReadAsync().AsTask();
        await _client.Writer.WriteAsync("Host: x\r\n\r\n"u8.ToArray());
        var rest = await next.WaitAsync(TimeSpan.FromSeconds(10));
        _reader.AdvanceTo(rest.Buffer.End);
        _connection.ApplicationBegin();

        _time.Advance(Timeout * 2);

        Assert.Empty(_answers);
        Assert.Equal("", await SentAsync());
    }

    // Kestrel's way with a head: read, consume what parses, read again when more is needed.
    private async Task ReadAsKestrelAsync()
    {
        var result = await _reader.ReadAsync();
        _reader.AdvanceTo(result.Buffer.End);
    }

    private async Task<string> SentAsync()
    {
        await _sent.Writer.CompleteAsync();
        var text = new StringBuilder();
        while (true)
        {
            var result = await _sent.Reader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                text.Append(Encoding.ASCII.GetString(segment.Span));
            }

            _sent.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return text.ToString();
            }
        }
    }
}
