using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http.Conditions;

public class ConditionCompilerTests
{
    [Theory]
    [InlineData("a path_beg /a", "if a", "/a/x", true)]
    [InlineData("a path_beg /a", "if !a", "/a/x", false)]
    [InlineData("a path_beg /a", "unless a", "/a/x", false)]
    [InlineData("a path_beg /a", "unless !a", "/a/x", true)]
    [InlineData("a path_beg /a|b path_end .js", "if a b", "/a/x.js", true)]
    [InlineData("a path_beg /a|b path_end .js", "if a b", "/a/x.css", false)]
    [InlineData("a path_beg /a|b path_end .js", "if a or b", "/b/x.js", true)]
    [InlineData("a path_beg /a|b path_end .js", "if a || b", "/b/x.css", false)]
    [InlineData("a path_beg /a|b path_end .js", "if !a !b", "/b/x.css", true)]
    [InlineData("a path_beg /a|a path_beg /b", "if a", "/b/x", true)]
    [InlineData("a path_beg /a|a path_beg /b", "if a", "/c/x", false)]
    [InlineData("a path_beg /a", "if a { path_end .js }", "/a/x.js", true)]
    [InlineData("a path_beg /a", "if a { path_end .js }", "/a/x.css", false)]
    [InlineData("", "if { path_beg /a } || { path_beg /b }", "/b", true)]
    [InlineData("", "if !{ path_beg /a }", "/b", true)]
    [InlineData("", "if", "/b", false)]
    [InlineData("", "unless", "/b", true)]
    [InlineData("TRUE path_beg /a", "if TRUE", "/b", false)]
    public void Compile_LogicalCombinations_EvaluateAsHaproxy(string acls, string rule, string target, bool expected)
        => Assert.Equal(expected, Compile(acls, rule).Matches(Request(target: target)));

    [Theory]
    [InlineData("TRUE", "GET", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("FALSE", "GET", "/", "127.0.0.1", "HTTP/1.1", false)]
    [InlineData("HTTP", "GET", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("WAIT_END", "GET", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("REQ_CONTENT", "GET", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("HTTP_1.0", "GET", "/", "127.0.0.1", "HTTP/1.0", true)]
    [InlineData("HTTP_1.1", "GET", "/", "127.0.0.1", "HTTP/1.0", false)]
    [InlineData("HTTP_1.1", "GET", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("HTTP_2.0", "GET", "/", "127.0.0.1", "HTTP/2", true)]
    [InlineData("METH_GET", "HEAD", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("METH_GET", "POST", "/", "127.0.0.1", "HTTP/1.1", false)]
    [InlineData("METH_POST", "POST", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("METH_CONNECT", "CONNECT", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("HTTP_URL_ABS", "GET", "http://h/x", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("HTTP_URL_ABS", "GET", "/x", "127.0.0.1", "HTTP/1.1", false)]
    [InlineData("HTTP_URL_SLASH", "GET", "/x", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("HTTP_URL_STAR", "OPTIONS", "*", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("LOCALHOST", "GET", "/", "127.0.0.1", "HTTP/1.1", true)]
    [InlineData("LOCALHOST", "GET", "/", "127.9.9.9", "HTTP/1.1", true)]
    [InlineData("LOCALHOST", "GET", "/", "::1", "HTTP/1.1", true)]
    [InlineData("LOCALHOST", "GET", "/", "10.0.0.1", "HTTP/1.1", false)]
    public void Compile_PredefinedAcl_EvaluatesAsHaproxy(string name, string method, string target, string src, string protocol, bool expected)
        => Assert.Equal(expected, Compile("", $"if {name}").Matches(Request(method, target, src: src, protocol: protocol)));

    [Theory]
    [InlineData("Content-Length: 12", true)]
    [InlineData("Content-Length: 0", false)]
    [InlineData("", false)]
    public void Compile_HttpContent_FollowsContentLength(string headers, bool expected)
        => Assert.Equal(expected, Compile("", "if HTTP_CONTENT").Matches(Request(headers: headers)));

    [Fact]
    public void Compile_NamedAclWithUnsupportedLine_NamesTheFetchAndTheAclLine()
    {
        Assert.Null(Compile("a path_beg /a|a req.cook(x) y", "if a", out var unsupported));

        Assert.Contains("fetch 'req.cook'", unsupported);
        Assert.Contains("acl 'a' at t.cfg:9", unsupported);
    }

    [Fact]
    public void Compile_RdpCookie_IsUnsupported()
    {
        Assert.Null(Compile("", "if RDP_COOKIE", out var unsupported));

        Assert.Contains("predefined ACL 'RDP_COOKIE'", unsupported);
    }

    [Fact]
    public void Compile_SameNamedAclTwice_CompilesItOnce()
    {
        var predicate = Compile("a path_beg /a", "if a || !a");

        Assert.True(predicate.Matches(Request(target: "/b")));
    }

    [Theory]
    [InlineData("{ hdr(x-s) a }", true)]
    [InlineData("{ hdr_beg(x-s) a }", true)]
    [InlineData("{ res.hdr(x-s) a }", true)]
    [InlineData("{ status 201 }", true)]
    [InlineData("{ path_beg / }", false)]
    [InlineData("{ method GET }", false)]
    public void Compile_ResponseSide_HdrReadsTheResponseAndRequestFetchesNeverMatch(string condition, bool expected)
    {
        var context = Request(headers: "X-S: req");
        context.Response.StatusCode = 201;
        context.Response.Headers["X-S"] = "a";
        var parsed = ConfigParser.HaproxyConfigLoader.Parse([new ConfigParser.ConfigSource("t.cfg",
            "defaults\n mode http\nfrontend fe\n bind 127.0.0.1:8080\n http-response set-header X-R 1 if " + condition + "\n")]);
        var rule = parsed.Config!.Frontends[0].HttpResponseRules[0];

        var predicate = new Proxy.Http.Conditions.ConditionCompiler([], response: true).Compile(rule.Condition!, out var unsupported);

        Assert.Null(unsupported);
        Assert.Equal(expected, predicate!.Matches(context));
    }

    [Fact]
    public void Compile_RequestSide_ResponseFetchesNeverMatch()
        => Assert.False(Compile("", "if { status 200 }").Matches(Request()));
}
