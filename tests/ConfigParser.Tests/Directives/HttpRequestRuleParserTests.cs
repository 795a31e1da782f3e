using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Directives;

/// <summary>
/// `http-request return` in frontend 'fe' (line 8); every message was produced by `haproxy -c` with the same
/// line. HAProxy stops reading files after such an error, so each one must carry Aborts.
/// </summary>
public sealed partial class HttpRequestRuleParserTests
{
    private const string ReturnError = "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request return' rule : ";

    /// <summary>The action list HAProxy 2.6.12 (Debian build) prints, copied from its output.</summary>
    private const string HaproxyActions =
        "'wait-for-handshake', 'ot-group', 'set-log-level', 'set-nice', 'use-service', 'sc-inc-gpc(*)', 'sc-inc-gpc0(*)', " +
        "'sc-inc-gpc1(*)', 'sc-set-gpt(*)', 'sc-set-gpt0(*)', 'send-spoe-group', 'do-resolve(*)', 'cache-use', 'add-acl(*)', " +
        "'add-header', 'allow', 'auth', 'capture', 'del-acl(*)', 'del-header', 'del-map(*)', 'deny', 'disable-l7-retry', " +
        "'early-hint', 'normalize-uri', 'redirect', 'reject', 'replace-header', 'replace-path', 'replace-pathq', 'replace-uri', " +
        "'replace-value', 'return', 'set-header', 'set-map(*)', 'set-method', 'set-path', 'set-pathq', 'set-query', 'set-uri', " +
        "'strict-mode', 'tarpit', 'track-sc(*)', 'set-timeout', 'wait-for-body', 'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)', " +
        "'set-dst', 'set-dst-port', 'set-mark', 'set-src', 'set-src-port', 'set-tos', 'silent-drop', 'set-priority-class', " +
        "'set-priority-offset'";

    private static readonly SourceLocation At = new(TestConfig.FileName, 8);

    private static (HttpRequestRule? Rule, DiagnosticBag Diagnostics) Parse(params string[] words)
    {
        var diagnostics = new DiagnosticBag();
        var rule = HttpRequestRuleParser.Parse(new ConfigLine(At, words), "frontend 'fe'", diagnostics);
        return (rule, diagnostics);
    }

    private static (HttpRequestRule? Rule, DiagnosticBag Diagnostics) Parse(string line) => Parse(line.Split(' '));

    [Theory]
    [InlineData("http-request return", 200, null, null)]
    [InlineData("http-request return status 404", 404, null, null)]
    [InlineData("http-request return status 204", 204, null, null)]
    [InlineData("http-request return status 0200", 200, null, null)]
    [InlineData("http-request return status 4294967496", 200, null, null)]
    [InlineData("http-request return status 200 status 201", 201, null, null)]
    [InlineData("http-request return content-type a content-type b string x", 200, "b", "x")]
    [InlineData("http-request return status 503 content-type text/plain string down", 503, "text/plain", "down")]
    public void Parse_Return_BuildsTheReply(string line, int status, string? contentType, string? body)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new HttpReturnRule(At, status, contentType, body), rule);
        Assert.True(rule!.IsFinal);
    }

    [Theory]
    [InlineData("http-request return content-type text/plain", "text/plain")]
    [InlineData("http-request return content-type text/plain content-type x", "x")]
    public void Parse_ContentTypeWithoutPayload_WarnsAndDropsIt(string line, string ignored)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Equal(new HttpReturnRule(At, 200, null, null), rule);
        Assert.Equal([$"[WARNING] parsing [t.cfg:8] : content-type '{ignored}' ignored by the http reply because neither errorfile nor payload defined."],
            diagnostics.Messages());
    }

    [Theory]
    [InlineData("http-request return status", "'status' expects <status_code> as argument.")]
    [InlineData("http-request return status 200 status", "'status' expects <status_code> as argument.")]
    [InlineData("http-request return status abc", "Unexpected status code '0'.")]
    [InlineData("http-request return status 199", "Unexpected status code '199'.")]
    [InlineData("http-request return status 600", "Unexpected status code '600'.")]
    [InlineData("http-request return status 100", "Unexpected status code '100'.")]
    [InlineData("http-request return status 2000", "Unexpected status code '2000'.")]
    [InlineData("http-request return status 20x", "Unexpected status code '20'.")]
    [InlineData("http-request return status -200", "Unexpected status code '-200'.")]
    [InlineData("http-request return status 99999999999", "Unexpected status code '1215752191'.")]
    [InlineData("http-request return status 204 content-type text/plain string x", "No body expected for 204 responses.")]
    [InlineData("http-request return status 304 string x", "No body expected for 304 responses.")]
    [InlineData("http-request return string x content-type text/plain status 204", "No body expected for 204 responses.")]
    [InlineData("http-request return string x", "a content type must be defined when non-empty payload is configured.")]
    [InlineData("http-request return content-type", "'content-type' expects <ctype> as argument.")]
    [InlineData("http-request return string", "'string' expects <str> as argument.")]
    [InlineData("http-request return status 200 string", "'string' expects <str> as argument.")]
    [InlineData("http-request return string a string b content-type t", "unexpected 'string' argument, 'string' already defined.")]
    [InlineData("http-request return content-type a string x file /x", "unexpected 'file' argument, 'string' already defined.")]
    public void Parse_BadReturn_ReportsHaproxyMessageAndAborts(string line, string expected)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Null(rule);
        Assert.Equal([ReturnError + expected], diagnostics.Messages());
        Assert.True(diagnostics.HasAbort);
    }

    [Theory]
    [InlineData("content-type")]
    [InlineData("string")]
    public void Parse_EmptyValue_CountsAsMissing(string keyword)
    {
        var (rule, diagnostics) = Parse("http-request", "return", "content-type", "text/plain", keyword, "", "x");

        Assert.Null(rule);
        var expected = keyword == "string" ? "'string' expects <str> as argument." : "'content-type' expects <ctype> as argument.";
        Assert.Equal([ReturnError + expected], diagnostics.Messages());
    }

    [Theory]
    [InlineData("http-request", "'' (missing argument)")]
    [InlineData("http-request bogus", "'bogus'")]
    public void Parse_UnknownAction_ListsHaproxyActions(string line, string got)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Null(rule);
        Assert.Equal([$"[ALERT] parsing [t.cfg:8]: 'http-request' expects {HaproxyActions}, but got {got}."], diagnostics.Messages());
        Assert.True(diagnostics.HasAbort);
    }

    [Fact]
    public void Parse_WordAfterTheReply_MustBeACondition()
    {
        var (rule, diagnostics) = Parse("http-request return bogus");

        Assert.Null(rule);
        Assert.Equal(["[ALERT] parsing [t.cfg:8]: 'http-request return' expects either 'if' or 'unless' followed by a condition but found 'bogus'."],
            diagnostics.Messages());
        Assert.True(diagnostics.HasAbort);
    }

    [Theory]
    [InlineData("http-request tarpit", "'http-request tarpit' is not implemented by this proxy yet; it is ignored.")]
    [InlineData("http-request track-sc0 src", "'http-request track-sc0' is not implemented by this proxy yet; it is ignored.")]
    public void Parse_HaproxyActionNotImplementedYet_IsIgnoredWithWarning(string line, string expected)
    {
        // HAProxy accepts these; this proxy accepts them too but says that it does not apply them.
        var (rule, diagnostics) = Parse(line);

        Assert.Null(rule);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(At, warning.Location);
        Assert.Equal(expected, warning.Message);
    }

    [Fact]
    public void Parse_ReturnWithCondition_KeepsTheCondition()
    {
        // The runtime applies only unconditional returns; the proxy keyword handler warns about this one.
        var (rule, diagnostics) = Parse("http-request return status 200 if TRUE");

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(Assert.IsType<HttpReturnRule>(rule).Condition);
    }

    public static TheoryData<string, HttpRequestRule> TypedActions => new()
    {
        { "http-request deny", new HttpDenyRule(At, 403) },
        { "http-request deny deny_status 429", new HttpDenyRule(At, 429) },
        { "http-request allow", new HttpAllowRule(At) },
        { "http-request redirect location /x code 301", new HttpRedirectRule(At, "location", "/x", 301, []) },
        { "http-request set-header X-A b", new HttpHeaderRule(At, "set-header", "X-A", "b") },
        { "http-request del-header X-A", new HttpHeaderRule(At, "del-header", "X-A", null) },
        { "http-request replace-value X a b", new HttpReplaceHeaderRule(At, "replace-value", "X", "a", "b") },
        { "http-request set-path /p", new HttpRewriteRule(At, "set-path", "/p") },
        { "http-request set-pathq /p?q", new HttpRewriteRule(At, "set-pathq", "/p?q") },
        { "http-request replace-path /a(.*) /b\\1", new HttpReplaceTargetRule(At, "replace-path", "/a(.*)", "/b\\1") },
        { "http-request replace-uri ^(.*)$ /x", new HttpReplaceTargetRule(At, "replace-uri", "^(.*)$", "/x") },
        { "http-request auth realm R", new HttpAuthRule(At, "R") },
        { "http-request set-var(txn.x) str(y)", new HttpSetVarRule(At, "txn.x", "str(y)") },
        { "http-request set-var-fmt(txn.x) a%[path]", new HttpSetVarRule(At, "txn.x", "a%[path]") { IsFormat = true } },
        { "http-request set-var-fmt(txn.x)", new HttpSetVarRule(At, "txn.x", "") { IsFormat = true } },
        { "http-request unset-var(req.x)", new HttpUnsetVarRule(At, "req.x") },
        { "http-request return content-type t lf-string %[path]", new HttpReturnRule(At, 200, "t", "%[path]") { BodyIsFormat = true } },
    };

    [Theory]
    [MemberData(nameof(TypedActions))]
    public void Parse_TypedAction_ReturnsRecord(string line, HttpRequestRule expected)
    {
        var (rule, diagnostics) = Parse(line);

        Assert.Empty(diagnostics.Items);
        Assert.Equivalent(expected, rule, strict: true);
        Assert.Equal(expected.GetType(), rule!.GetType());
    }

    [Fact]
    public void Parse_ActionWithCondition_KeepsCondition()
    {
        var (rule, diagnostics) = Parse("http-request deny if TRUE");

        Assert.Empty(diagnostics.Items);
        Assert.False(Assert.IsType<HttpDenyRule>(rule).Condition!.IsUnless);
    }
}
