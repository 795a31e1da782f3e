using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.Wire;

namespace Proxy.Tests.Wire;

public class WireOrderTests
{
    private const string Head = "GET /x HTTP/1.1\r\nUser-Agent: t\r\nhost: a.example\r\nX-Dup: 1\r\nAccept: */*\r\nX-Dup: 2\r\nContent-Type: text/plain\r\n\r\n";

    [Fact]
    public void ForEach_UnchangedHeaders_ClientOrderWithRepeatedLinesInterleaved()
    {
        // As haproxy 2.6.12 forwarded this head: every line in place, the repeated one not joined.
        var lines = Lines(Head, Kestrel());

        Assert.Equal("User-Agent: t|Host: a.example|X-Dup: 1|Accept: */*|X-Dup: 2|Content-Type: text/plain", lines);
    }

    [Fact]
    public void ForEach_RulesChangedAndAdded_UnchangedInPlaceThenTheRestAtTheEnd()
    {
        var headers = Kestrel();
        headers["Accept"] = "text/html"; // set-header: haproxy deletes and appends.
        headers.Remove("User-Agent"); // del-header.
        headers["X-New"] = "n"; // add-header.

        var lines = Lines(Head, headers);

        Assert.Equal("Host: a.example|X-Dup: 1|X-Dup: 2|Content-Type: text/plain|Accept: text/html|X-New: n", lines);
    }

    [Fact]
    public void ForEach_ReplacedInPlace_KeepsItsPosition()
    {
        var headers = Kestrel();
        headers["User-Agent"] = "u"; // replace-header: haproxy edits the line where it stands.
        var context = new DefaultHttpContext();
        InPlaceHeaderEdits.Note(context, "user-agent");

        var lines = Lines(Head, headers, context.Features.Get<InPlaceHeaderEdits>());

        Assert.StartsWith("User-Agent: u|Host: a.example|", lines);
    }

    [Fact]
    public void ForEach_ConnectionWithOtherTokens_RawLineWhereItStood()
    {
        // Kestrel keeps "close" only; the client's line carries the tokens haproxy forwards.
        var headers = new HeaderDictionary { ["Host"] = "a", ["Connection"] = "close", ["X-Hop"] = "1" };

        var lines = Lines("GET / HTTP/1.1\r\nHost: a\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\n\r\n", headers);

        Assert.Equal("Host: a|Connection: close, X-Hop|X-Hop: 1", lines);
    }

    [Theory]
    [InlineData("")]
    [InlineData("POST /x HTTP/1.1\r\nHost: a\r\n\r\n")]
    public void ForEach_NoUsableHead_KestrelOrder(string head)
    {
        var headers = Kestrel();

        Assert.Equal(string.Join('|', headers.SelectMany(h => h.Value.Select(v => $"{h.Key}: {v}"))), Lines(head, headers));
    }

    private static HeaderDictionary Kestrel() => new()
    {
        ["Host"] = "a.example",
        ["Accept"] = "*/*",
        ["User-Agent"] = "t",
        ["Content-Type"] = "text/plain",
        ["X-Dup"] = new(["1", "2"]),
    };

    private static string Lines(string head, IHeaderDictionary headers, InPlaceHeaderEdits? inPlace = null)
    {
        var lines = new List<string>();
        WireOrder.ForEach(Encoding.ASCII.GetBytes(head), "GET", headers, inPlace, lines, static (list, name, value) => list.Add($"{name}: {value}"));
        return string.Join('|', lines);
    }
}
