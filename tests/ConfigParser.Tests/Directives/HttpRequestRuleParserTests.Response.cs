using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>
/// `http-response` rules and the `del-header -m` / `deny_status` checks; messages from `haproxy -c` (2.6.12) with the
/// same line 8 in frontend 'fe'.
/// </summary>
public sealed partial class HttpRequestRuleParserTests
{
    private static (HttpRequestRule? Rule, DiagnosticBag Diagnostics) ParseResponse(string line)
    {
        var diagnostics = new DiagnosticBag();
        var rule = HttpRequestRuleParser.ParseResponse(new ConfigLine(At, line.Split(' ')), "frontend 'fe'", diagnostics);
        return (rule, diagnostics);
    }

    public static TheoryData<string, HttpRequestRule> TypedResponseActions => new()
    {
        { "http-response deny", new HttpDenyRule(At, 502) },
        { "http-response deny deny_status 503", new HttpDenyRule(At, 503) },
        { "http-response allow", new HttpAllowRule(At) },
        { "http-response set-header X-A %[status]", new HttpHeaderRule(At, "set-header", "X-A", "%[status]") },
        { "http-response add-header X-A b", new HttpHeaderRule(At, "add-header", "X-A", "b") },
        { "http-response del-header Server", new HttpHeaderRule(At, "del-header", "Server", null) },
        { "http-response replace-header X a b", new HttpReplaceHeaderRule(At, "replace-header", "X", "a", "b") },
        { "http-response set-status 503", new HttpSetStatusRule(At, 503, null) },
        { "http-response set-status 200 reason Fine", new HttpSetStatusRule(At, 200, "Fine") },
        { "http-response set-var(txn.s) status", new HttpSetVarRule(At, "txn.s", "status") },
    };

    [Theory]
    [MemberData(nameof(TypedResponseActions))]
    public void ParseResponse_TypedAction_ReturnsRecord(string line, HttpRequestRule expected)
    {
        var (rule, diagnostics) = ParseResponse(line);

        Assert.Empty(diagnostics.Items);
        Assert.Equivalent(expected, rule, strict: true);
        Assert.Equal(expected.GetType(), rule!.GetType());
    }

    [Theory]
    [InlineData("http-response set-status",
        "error detected in frontend 'fe' while parsing 'http-response set-status' rule : expects 1 argument: <status>; or 3 arguments: <status> reason <fmt>.")]
    [InlineData("http-response set-status 99",
        "error detected in frontend 'fe' while parsing 'http-response set-status' rule : expects an integer status code between 100 and 999.")]
    [InlineData("http-response set-status abc",
        "error detected in frontend 'fe' while parsing 'http-response set-status' rule : expects an integer status code between 100 and 999.")]
    [InlineData("http-response deny deny_status 418",
        "error detected in frontend 'fe' while parsing 'http-response deny' rule : status code '418' not handled by default with 'default-errorfiles' argument..")]
    public void ParseResponse_BadRule_ReportsHaproxyMessageAndAborts(string line, string expected)
    {
        var (rule, diagnostics) = ParseResponse(line);

        Assert.Null(rule);
        var alert = Assert.Single(diagnostics.Items);
        Assert.Equal(expected, alert.Message);
        Assert.Equal("http-response", alert.Keyword);
        Assert.True(diagnostics.HasAbort);
    }

    [Theory]
    [InlineData("http-response set-status 200 reason", "'http-response set-status' expects either 'if' or 'unless' followed by a condition but found 'reason'.")]
    [InlineData("http-response set-status 200 foo", "'http-response set-status' expects either 'if' or 'unless' followed by a condition but found 'foo'.")]
    public void ParseResponse_WordAfterTheRule_MustBeACondition(string line, string expected)
    {
        var (rule, diagnostics) = ParseResponse(line);

        Assert.Null(rule);
        Assert.Equal([$"[ALERT] parsing [t.cfg:8]: {expected}"], diagnostics.Messages());
    }

    [Fact]
    public void ParseResponse_ActionNotRunYet_IsIgnoredWithWarning()
    {
        var (rule, diagnostics) = ParseResponse("http-response redirect location /x");

        Assert.Null(rule);
        Assert.Equal("http-response redirect", Assert.Single(diagnostics.Items).Unimplemented);
    }

    [Fact]
    public void ParseResponse_Condition_IsKept()
    {
        var (rule, diagnostics) = ParseResponse("http-response del-header X-A if TRUE");

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(Assert.IsType<HttpHeaderRule>(rule).Condition);
    }

    [Theory]
    [InlineData("http-request del-header X-A", "str")]
    [InlineData("http-request del-header X- -m beg", "beg")]
    [InlineData("http-request del-header ^x- -m reg", "reg")]
    public void Parse_DelHeader_KeepsTheMatchMethod(string line, string method)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(method, Assert.IsType<HttpHeaderRule>(rule).MatchMethod);
    }

    [Theory]
    [InlineData("http-request del-header x -m foo", "del-header", "-m with unsupported matching method 'foo'.")]
    [InlineData("http-request del-header x -m", "del-header", "-m flag expects exactly 1 argument.")]
    [InlineData("http-request unset-var(x)", "unset-var(x)",
        "invalid variable name 'x'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'.")]
    [InlineData("http-request return content-type t lf-string", "return", "'lf-string' expects <fmt> as argument.")]
    [InlineData("http-request replace-path a", "replace-path", "expects exactly 2 arguments <match-regex> and <replace-format>.")]
    [InlineData("http-request deny deny_status 418", "deny", "status code '418' not handled by default with 'default-errorfiles' argument..")]
    public void Parse_BadDelHeaderOrDenyStatus_ReportsHaproxyMessage(string line, string action, string expected)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Null(rule);
        Assert.Equal(
            [$"[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request {action}' rule : {expected}"],
            diagnostics.Messages());
    }
}
