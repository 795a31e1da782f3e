using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>`server` lines of backend 'be'; every message was produced by `haproxy -c` with the same line.</summary>
public sealed class ServerParserTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 10);

    private static (ServerDefinition? Server, DiagnosticBag Diagnostics) Parse(params string[] words)
    {
        var diagnostics = new DiagnosticBag();
        var server = ServerParser.Parse(new ConfigLine(At, words), "be", diagnostics);
        return (server, diagnostics);
    }

    private static (ServerDefinition? Server, DiagnosticBag Diagnostics) Parse(string line) => Parse(line.Split(' '));

    [Theory]
    [InlineData("server s1 127.0.0.1:80", "127.0.0.1", 80, 1)]
    [InlineData("server s1 127.0.0.1", "127.0.0.1", null, 1)]
    [InlineData("server s1 127.0.0.1:", "127.0.0.1", null, 1)]
    [InlineData("server s1 127.0.0.1:0", "127.0.0.1", null, 1)]
    [InlineData("server s1 127.0.0.1:8a", "127.0.0.1", 8, 1)]
    [InlineData("server s1 [::1]:80", "::1", 80, 1)]
    [InlineData("server s1 ::1:80", "::1", 80, 1)]
    [InlineData("server s1 :80", "", 80, 1)]
    [InlineData("server s1 localhost:80 weight 10", "localhost", 80, 10)]
    [InlineData("server s1 localhost:80 weight 0", "localhost", 80, 0)]
    [InlineData("server s1 localhost:80 weight 256", "localhost", 80, 256)]
    [InlineData("server s1 localhost:80 weight abc", "localhost", 80, 0)]
    [InlineData("server s1 localhost:80 weight", "localhost", 80, 0)]
    [InlineData("server s1 localhost:80 weight 10x", "localhost", 80, 10)]
    [InlineData("server s1 localhost:80 weight 1 weight 2", "localhost", 80, 2)]
    [InlineData("server s1 localhost:80 weight 4294967297", "localhost", 80, 1)]
    public void Parse_ValidLine_ReturnsServer(string line, string host, int? port, int weight)
    {
        var (server, diagnostics) = Parse(line);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new ServerDefinition(At, "s1", host, port, weight), server);
    }

    [Theory]
    [InlineData("server", "'server' expects <name> and <addr>[:<port>] as arguments.")]
    [InlineData("server s1", "'server' expects <name> and <addr>[:<port>] as arguments.")]
    [InlineData("server s/1 1.2.3.4:abc", "character '/' is not permitted in server name 's/1'.")]
    [InlineData("server s1 127.0.0.1:70000", "'server be/s1' : invalid port '70000'")]
    [InlineData("server s1 127.0.0.1:80-90", "'server be/s1' : port range not permitted here in '127.0.0.1:80-90'")]
    [InlineData("server s1 1.2.3.4:abc weight 999", "'server be/s1' : invalid character 'a' in port number 'abc' in '1.2.3.4:abc'\n")]
    [InlineData("server s1 1.2.3.4:80 weight 257", "'server be/s1' : weight of server s1 is not within 0 and 256 (257)..")]
    [InlineData("server s1 1.2.3.4:80 weight -1", "'server be/s1' : weight of server s1 is not within 0 and 256 (-1)..")]
    [InlineData("server s1 1.2.3.4:80 weight 99999999999", "'server be/s1' : weight of server s1 is not within 0 and 256 (1215752191)..")]
    [InlineData("server s1 1.2.3.4:80 weight 999 zzzzzzz", "'server be/s1' : weight of server s1 is not within 0 and 256 (999)..")]
    [InlineData("server s1 1.2.3.4:80 zzzzzzz", "'server be/s1' : unknown keyword 'zzzzzzz'.")]
    [InlineData("server s1 1.2.3.4:80 wieght 1", "'server be/s1' : unknown keyword 'wieght'; did you mean 'weight' maybe ?")]
    [InlineData("server s1 1.2.3.4:80 weigth 1", "'server be/s1' : unknown keyword 'weigth'; did you mean 'weight' maybe ?")]
    public void Parse_BadLine_ReportsHaproxyMessage(string line, string expected)
    {
        var (server, diagnostics) = Parse(line);

        Assert.Null(server);
        Assert.Equal([$"[ALERT] [t.cfg:10] : {expected}"], diagnostics.Messages());
    }

    [Fact]
    public void Parse_EmptyName_PrintsTheMessageCutAtTheNul()
    {
        // HAProxy formats the NUL that ends the empty name into its message, which stops the C string there.
        var (server, diagnostics) = Parse("server", "", "127.0.0.1:80");

        Assert.Null(server);
        Assert.Equal(["[ALERT] [t.cfg:10] : character '"], diagnostics.Messages());
    }

    [Theory]
    [InlineData("server s1 127.0.0.1:+1")]
    [InlineData("server s1 127.0.0.1:-1")]
    public void Parse_PortOffset_IsRefusedUntilImplemented(string line)
    {
        // HAProxy accepts "+N"/"-N" (an offset from the client's port); the model has no place for it yet.
        var (server, diagnostics) = Parse(line);

        Assert.Null(server);
        var alert = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Alert, alert.Severity);
        Assert.Equal(At, alert.Location);
    }
}
