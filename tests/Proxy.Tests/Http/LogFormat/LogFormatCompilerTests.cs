using Proxy.Http.LogFormat;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http.LogFormat;

public class LogFormatCompilerTests
{
    // Values from haproxy 2.6.12 (a header set with the same format, on the same request).
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%%", "100%")]
    [InlineData("%[path]-%ci:%cp-%fi:%fp-[%[hdr(host),upper]]", "/x-127.0.0.1:40000-127.0.0.2:8080-[H.EX]")]
    [InlineData("v %[method] %[query] %[url] %[base]", "v GET q=1 /x?q=1 h.ex/x")]
    [InlineData("[%[hdr(x-none)]]", "[]")]
    [InlineData("%[hdr(x-v)]|%[hdr(x-v,1)]|%[req.fhdr(x-v)]", "c|a|b, c")]
    [InlineData("%[str(k)]%[int(7)]%[src]:%[src_port] %[dst]:%[dst_port]", "k7127.0.0.1:40000 127.0.0.2:8080")]
    [InlineData("%[hdr(host),lower,upper]", "H.EX")]
    [InlineData("%[path,regsub(^/x,/y)]|%[path,regsub(x,Z,g)]|%[path,regsub(X,Q,i)]", "/y|/Z|/Q")]
    public void Compile_SupportedItems_EvaluateAsHaproxy(string format, string expected)
    {
        var context = Request(target: "/x?q=1", headers: "Host: h.ex|X-V: a|X-V: b, c");

        var compiled = LogFormatCompiler.Compile(format, out var unsupported);

        Assert.Null(unsupported);
        Assert.Equal(expected, compiled!.Evaluate(context));
    }

    [Theory]
    [InlineData("%[ssl_fc_cipher]", "fetch 'ssl_fc_cipher'")]
    [InlineData("%[path,base64]", "converter 'base64'")]
    [InlineData("%{+Q}ci", "log-format options '%{+Q}'")]
    [InlineData("%Tr", "log-format variable '%Tr'")]
    [InlineData("%HM", "log-format variable '%HM'")]
    [InlineData("%[path", "missing ']'")]
    [InlineData("%[var(proc.x)]", "fetch 'var(proc.x)'")]
    public void Compile_UnsupportedItem_IsRefusedByName(string format, string named)
    {
        Assert.Null(LogFormatCompiler.Compile(format, out var unsupported));
        Assert.Contains(named, unsupported);
    }

    // Values from haproxy 2.6.12 for the path /api/ab/cab/d.txt.
    [Theory]
    [InlineData("field(-1,/)", "d.txt")]
    [InlineData("field(2,/)", "api")]
    [InlineData("field(9,/)", "")]
    [InlineData("field(2,/,2)", "api/ab")]
    [InlineData("field(-2,/,2)", "ab/cab")]
    [InlineData("field(2,/,0)", "api/ab/cab/d.txt")]
    [InlineData("regsub(^/api/,/)", "/ab/cab/d.txt")]
    [InlineData("regsub(a,X,g)", "/Xpi/Xb/cXb/d.txt")]
    [InlineData("regsub(a,X)", "/Xpi/ab/cab/d.txt")]
    [InlineData("regsub(A,Z,ig)", "/Zpi/Zb/cZb/d.txt")]
    public void Compile_FieldAndRegsub_AsHaproxy(string converter, string expected)
    {
        var compiled = LogFormatCompiler.Compile($"%[path,{converter}]", out var unsupported);

        Assert.Null(unsupported);
        Assert.Equal(expected, compiled!.Evaluate(Request(target: "/api/ab/cab/d.txt")));
    }

    [Theory]
    [InlineData("%[path]", true, "fetch 'path' (it needs the request")]
    [InlineData("%[status]", false, "fetch 'status' (it needs the response")]
    [InlineData("%[res.hdr(x)]", false, "it needs the response")]
    public void Compile_FetchFromTheOtherSide_RefusedAsHaproxyDoes(string format, bool response, string named)
    {
        Assert.Null(LogFormatCompiler.Compile(format, out var unsupported, response));
        Assert.Contains(named, unsupported);
    }

    [Fact]
    public void Compile_HdrInAResponseRule_ReadsTheResponse()
    {
        var context = Request(headers: "X-S: req");
        context.Response.Headers["X-S"] = "res";

        Assert.Equal("res|req", LogFormatCompiler.Compile("%[hdr(x-s)]|%[var(txn.none)]req", out _, response: true)!.Evaluate(context));
    }

    [Fact]
    public void Compile_OnlyLiterals_IsConstant()
    {
        Assert.True(LogFormatCompiler.Compile("a%%b", out _)!.IsConstant);
        Assert.False(LogFormatCompiler.Compile("a%[path]", out _)!.IsConstant);
    }
}
