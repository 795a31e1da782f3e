using System.Buffers;
using System.Text;
using Proxy.Http.Upstream;

namespace Proxy.Tests.Http.Upstream;

public class H1ChunkedDecoderTests
{
    // Feeds the pieces one after another (as reads would deliver them) and returns the data and the final result.
    private static (string Data, H1ChunkResult Last) Decode(params string[] pieces)
    {
        var decoder = new H1ChunkedDecoder();
        var data = new StringBuilder();
        var pending = Array.Empty<byte>();
        var last = H1ChunkResult.NeedMore;
        foreach (var piece in pieces)
        {
            var bytes = pending.Concat(Encoding.Latin1.GetBytes(piece)).ToArray();
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            while ((last = decoder.Read(ref reader, out var chunk)) == H1ChunkResult.Data)
            {
                data.Append(Encoding.Latin1.GetString(chunk.ToArray()));
            }

            if (last is H1ChunkResult.Done or H1ChunkResult.Invalid)
            {
                break;
            }

            pending = reader.UnreadSequence.ToArray();
        }

        return (data.ToString(), last);
    }

    [Theory]
    [InlineData("hello world", "Done", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")]
    [InlineData("hello world", "Done", "5\r\nhel", "lo\r\n6;ext=1\r\n world\r", "\n0\r\n", "\r\n")]
    [InlineData("abc", "Done", "3\nabc\n0\n\n")]
    [InlineData("abcdefghijklmnop", "Done", "10\r\nabcdefghijklmnop\r\n0\r\nTrailer: x\r\n\r\n")]
    [InlineData("ab", "Done", "2 \r\nab\r\n0\r\n\r\n")]
    [InlineData("ab", "NeedMore", "2\r\nab\r\n")]
    [InlineData("", "Invalid", "zz\r\nok\r\n0\r\n\r\n")]
    [InlineData("", "Invalid", "\r\n")]
    [InlineData("", "Invalid", "-1\r\n")]
    [InlineData("", "Invalid", "1000000000000000\r\n")]
    [InlineData("ok", "Invalid", "2\r\nokXX\r\n")]
    [InlineData("ok", "Invalid", "2\r\nok\r\nzz\r\n")]
    public void Read_Pieces_DataAndResult(string data, string last, params string[] pieces)
        => Assert.Equal((data, Enum.Parse<H1ChunkResult>(last)), Decode(pieces));

    [Fact]
    public void Read_EndlessSizeLine_Invalid() => Assert.Equal(H1ChunkResult.Invalid, Decode(new string('1', 10) + new string(' ', 5000)).Last);
}
