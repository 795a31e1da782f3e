using System.Text;
using ConfigParser.Directives;

namespace ConfigParser.Tests.Directives;

public class ErrorFileReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("errorfile-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Parse_FullResponse_KeepsStatusReasonHeadersInOrderAndBody()
    {
        var (message, _) = ErrorFileReader.Parse("HTTP/1.0 503 Come Back Later\r\nX-B: 2\r\nContent-Type: text/html\r\nX-A: 1\r\n\r\n<p>x</p>\n"u8);

        Assert.NotNull(message);
        Assert.Equal(("HTTP/1.0", 503, "Come Back Later"), (message.Version, message.Status, message.Reason));
        Assert.Equal(["X-B: 2", "Content-Type: text/html", "X-A: 1"], message.Headers.Select(h => $"{h.Key}: {h.Value}"));
        Assert.Equal("<p>x</p>\n", Encoding.ASCII.GetString(message.Body.Span));
    }

    [Fact]
    public void Parse_ContentLengthShorterThanRest_BodyCutAtContentLength()
    {
        var (message, _) = ErrorFileReader.Parse("HTTP/1.1 503 X\r\nContent-Length: 3\r\n\r\nabcdef"u8);

        Assert.Equal("abc", Encoding.ASCII.GetString(message!.Body.Span));
    }

    [Fact]
    public void Parse_LfOnlyLines_Accepted()
    {
        var (message, _) = ErrorFileReader.Parse("HTTP/1.1 200 OK\nX: y\n\nbody"u8);

        Assert.Equal(200, message!.Status);
        Assert.Equal("body", Encoding.ASCII.GetString(message.Body.Span));
    }

    [Theory]
    [InlineData("not http\r\n\r\n", 0)]
    [InlineData("HTTP/1.1 5x3 Oops\r\n\r\n", 9)]
    [InlineData("HTTP/1.1 503 Oops\r\nno colon here\r\n\r\n", 19)]
    [InlineData("HTTP/1.1 503 Oops\r\nX: y\r\n", 25)]
    public void Parse_Malformed_ReportsErrorOffset(string text, int offset)
    {
        var (message, errorOffset) = ErrorFileReader.Parse(Encoding.ASCII.GetBytes(text));

        Assert.Null(message);
        Assert.Equal(offset, errorOffset);
    }

    [Fact]
    public void Read_MissingFile_HaproxyOpenError()
    {
        var result = ErrorFileReader.Read(Path.Combine(_dir.FullName, "nope.http"));

        Assert.Equal($"error opening file '{Path.Combine(_dir.FullName, "nope.http")}'.", result.Error);
    }

    [Fact]
    public void Read_Directory_HaproxyReadError()
    {
        var result = ErrorFileReader.Read(_dir.FullName);

        Assert.Equal($"error reading file '{_dir.FullName}'.", result.Error);
    }

    [Fact]
    public void Read_EmptyFile_EmptyMessage()
    {
        var result = ErrorFileReader.Read(Write("empty.http", []));

        Assert.True(result.Message!.IsEmpty);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Read_LargerThanBuffer_WarnsTruncatingThenFailsToFitPayload()
    {
        var head = "HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\n\r\n"u8.ToArray();
        var path = Write("big.http", [.. head, .. new byte[20000]]);

        var result = ErrorFileReader.Read(path);

        Assert.Equal($"custom error message file '{path}' larger than 16384 bytes. Truncating.", result.Warning);
        Assert.Equal($"'{path}': unable to add payload into the HTX message", result.Error);
    }

    [Theory]
    [InlineData(16293, true)]
    [InlineData(16294, false)]
    public void Read_NearBufferLimit_AcceptsExactlyWhatHaproxyAccepts(int totalSize, bool accepted)
    {
        // Sizes measured with haproxy 2.6.12 -c for this head: 16293 bytes is the largest file it takes.
        var head = "HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\n\r\n"u8.ToArray();
        var path = Write("edge.http", [.. head, .. new byte[totalSize - head.Length]]);

        var result = ErrorFileReader.Read(path);

        Assert.Equal(accepted, result.Message is not null);
    }
}
