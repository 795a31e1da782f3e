using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model.Conditions;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Conditions;

/// <summary>
/// Conditions of `use_backend be …` and `http-request deny …` at line 8 of frontend 'fe', where only the ACL 'a',
/// 'b' and 'c' are declared. Every message was produced by `haproxy -c` (2.6.12) with the same rule line; the
/// rule each message came from is the first word of its row.
/// </summary>
public sealed class ConditionParserTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 8);

    private static readonly HashSet<string> Declared = ["a", "b", "c"];

    private static (RuleCondition? Condition, DiagnosticBag Diagnostics) Parse(string line, Func<string, bool>? isKnownAcl = null)
    {
        var diagnostics = new DiagnosticBag();
        var words = line.Split(' ');
        var start = Array.FindIndex(words, w => w is "if" or "unless");
        var condition = ConditionParser.Parse(new ConfigLine(At, words), start, isKnownAcl ?? Declared.Contains, diagnostics);
        return (condition, diagnostics);
    }

    // "a !b | @TRUE {path_beg}": suites joined by " | ", '@' marks a predefined ACL, braces an anonymous one.
    private static string Render(ConditionExpression? expression) => expression is OrCondition or
        ? string.Join(" | ", or.Suites.Select(s => string.Join(" ", s.Terms.Select(t => (t.Negated ? "!" : "") + t.Operand switch
        {
            AclReference r => r.Name,
            PredefinedAcl p => "@" + p.Name,
            AnonymousAcl x => "{" + (x.Criterion.Sample.AclKeyword ?? x.Criterion.Sample.Fetch) + "}",
            _ => "?",
        }))))
        : "not an OrCondition";

    [Theory]
    [InlineData("use_backend be if a", "a")]
    [InlineData("use_backend be if a b", "a b")]
    [InlineData("use_backend be if a or b", "a | b")]
    [InlineData("use_backend be if a || !b OR c", "a | !b | c")]
    [InlineData("use_backend be if !a", "!a")]
    [InlineData("use_backend be if ! a", "!a")]
    [InlineData("use_backend be if ! ! a", "a")]
    [InlineData("use_backend be if !!a or !!!b", "a | !b")]
    [InlineData("use_backend be if a !", "a")]
    [InlineData("use_backend be if or a", "a")]
    [InlineData("use_backend be if a or", "a")]
    [InlineData("use_backend be if", "")]
    [InlineData("use_backend be unless", "")]
    [InlineData("use_backend be if TRUE", "@TRUE")]
    [InlineData("use_backend be if !{ path /x }", "!{path}")]
    [InlineData("http-request deny if { path_beg /a } !{ path_end /b } || !TRUE METH_GET", "{path_beg} !{path_end} | !@TRUE @METH_GET")]
    [InlineData("http-request deny unless a { src,ipmask(24) 10.0.0.0 } b", "a {src} b")]
    public void Parse_ValidCondition_BuildsOrOfAnds(string line, string expected)
    {
        // Each rule was accepted by `haproxy -c` (with acl lines for a, b and c above it).
        var (condition, diagnostics) = Parse(line);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(expected, Render(condition!.Expression));
        Assert.Equal(line.Contains("unless", StringComparison.Ordinal), condition.IsUnless);
    }

    [Theory]
    [InlineData("use_backend be if nope", "error detected while parsing switching rule : no such ACL : 'nope'.")]
    [InlineData("use_backend be if TRUE && FALSE", "error detected while parsing switching rule : no such ACL : '&&'.")]
    [InlineData("use_backend be if { path /x", "error detected while parsing switching rule : missing closing '}' in condition.")]
    [InlineData("use_backend be if { path /x } }", "error detected while parsing switching rule : no such ACL : '}'.")]
    [InlineData("use_backend be if }", "error detected while parsing switching rule : no such ACL : '}'.")]
    [InlineData("use_backend be if { }", "error detected while parsing switching rule : missing fetch method in ACL expression ''.")]
    [InlineData("use_backend be if {path /x }", "error detected while parsing switching rule : no such ACL : '{path'.")]
    [InlineData("use_backend be if HTTP_3.0", "error detected while parsing switching rule : no such ACL : 'HTTP_3.0'.")]
    [InlineData("use_backend be if true", "error detected while parsing switching rule : no such ACL : 'true'.")]
    [InlineData("use_backend be if TRUE x", "error detected while parsing switching rule : no such ACL : 'x'.")]
    [InlineData("use_backend be if { path -m foo x }", "error detected while parsing switching rule : unknown matching method 'foo' when parsing ACL expression.")]
    [InlineData("use_backend be if { foo /x }", "error detected while parsing switching rule : unknown fetch method 'foo' in ACL expression 'foo'.")]
    [InlineData("use_backend be if { src 1.2.3.300 }", "error detected while parsing switching rule : '1.2.3.300' is not a valid IPv4 or IPv6 address.")]
    [InlineData("use_backend be if { req.hdr(host }", "error detected while parsing switching rule : fetch method 'req.hdr' : expected ')' in ACL expression 'req.hdr(host'.")]
    [InlineData("use_backend be if ! { path,foo x }", "error detected while parsing switching rule : ACL keyword 'path' : unknown converter 'foo'..")]
    [InlineData("http-request deny if { path -m foo x }", "error detected while parsing an 'http-request deny' condition : unknown matching method 'foo' when parsing ACL expression.")]
    [InlineData("http-request deny if { a/b }", "error detected while parsing an 'http-request deny' condition : unknown fetch method 'a' in ACL expression 'a/b'.")]
    [InlineData("http-request deny if nope", "error detected while parsing an 'http-request deny' condition : no such ACL : 'nope'.")]
    [InlineData("http-request deny unless TRUE or nope", "error detected while parsing an 'http-request deny' condition : no such ACL : 'nope'.")]
    [InlineData("http-request deny if { path_reg ( }", "error detected while parsing an 'http-request deny' condition : regex '(' is invalid (error=missing closing parenthesis, erroffset=1).")]
    [InlineData("http-request deny if { dst_port gt x }", "error detected while parsing an 'http-request deny' condition : 'x' is neither a number nor a supported operator.")]
    public void Parse_InvalidCondition_ReportsHaproxyMessage(string line, string message)
    {
        var (condition, diagnostics) = Parse(line);

        Assert.Null(condition);
        Assert.Equal([$"[ALERT] parsing [t.cfg:8] : {message}"], diagnostics.Messages());
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData("FALSE")]
    [InlineData("HTTP")]
    [InlineData("HTTP_1.0")]
    [InlineData("HTTP_1.1")]
    [InlineData("HTTP_2.0")]
    [InlineData("HTTP_CONTENT")]
    [InlineData("HTTP_URL_ABS")]
    [InlineData("HTTP_URL_SLASH")]
    [InlineData("HTTP_URL_STAR")]
    [InlineData("LOCALHOST")]
    [InlineData("METH_CONNECT")]
    [InlineData("METH_DELETE")]
    [InlineData("METH_GET")]
    [InlineData("METH_HEAD")]
    [InlineData("METH_OPTIONS")]
    [InlineData("METH_POST")]
    [InlineData("METH_PUT")]
    [InlineData("METH_TRACE")]
    [InlineData("RDP_COOKIE")]
    [InlineData("REQ_CONTENT")]
    [InlineData("WAIT_END")]
    public void Parse_PredefinedAcl_IsKnownWithoutDeclaration(string name)
    {
        // haproxy -c accepts `use_backend be if <name>` for each of them, with no acl line.
        var (condition, diagnostics) = Parse($"use_backend be if {name}", _ => false);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("@" + name, Render(condition!.Expression));
    }

    [Fact]
    public void Parse_DeclaredAclNamedLikePredefined_TakesPrecedence()
    {
        // src/acl.c parse_acl_cond looks in the proxy's ACLs before the predefined ones.
        var (condition, _) = Parse("use_backend be if TRUE", name => name == "TRUE");

        Assert.Equal("TRUE", Render(condition!.Expression));
    }

    [Fact]
    public void Parse_MethGet_MatchesGetAndHead()
    {
        var (condition, _) = Parse("use_backend be if METH_GET");

        var criterion = ((PredefinedAcl)((OrCondition)condition!.Expression!).Suites[0].Terms[0].Operand).Criterion;
        Assert.Equal(("method", MatchMethod.Str), (criterion.Sample.Fetch, criterion.Match));
        Assert.Equal(["GET", "HEAD"], criterion.Patterns.Select(p => p.Text));
    }

    [Fact]
    public void Parse_AnonymousAclWithParenthesisPattern_WarnsLikeHaproxy()
    {
        // `use_backend be if { path (x) }`: haproxy -c warns (the anonymous ACL's name is empty) and accepts.
        var (condition, diagnostics) = Parse("use_backend be if { path (x) }");

        Assert.NotNull(condition);
        Assert.Equal(
            [
                "[WARNING] parsing acl '' :\n"
                + "  matching 'path' for pattern '(x)' is likely a mistake and probably\n"
                + "  not what you want. Maybe you need to remove the extraneous space before '('.\n"
                + "  If you are really sure this is not an error, please insert '--' between the\n"
                + "  match and the pattern to make this warning message disappear.",
            ],
            diagnostics.Messages());
    }

    [Theory]
    [InlineData("tcp-request content reject if nope", "'tcp-request content reject' : error detected in frontend 'fe' while parsing 'if' condition : no such ACL : 'nope'")]
    [InlineData("redirect location /x if nope", "error detected in frontend 'fe' while parsing redirect rule : error in condition: no such ACL : 'nope'.")]
    [InlineData("http-request redirect location /x if nope", "error detected in frontend 'fe' while parsing 'http-request redirect' rule : error in condition: no such ACL : 'nope'.")]
    [InlineData("monitor fail if nope", "error detected while parsing a 'monitor fail' condition : no such ACL : 'nope'.")]
    [InlineData("force-persist if nope", "error detected while parsing a 'force-persist' rule : no such ACL : 'nope'.")]
    [InlineData("http-response deny if nope", "error detected while parsing an 'http-response deny' condition : no such ACL : 'nope'.")]
    public void Parse_WithRuleFormat_WrapsInnerMessage(string line, string message)
    {
        // Each message from haproxy -c with that rule in frontend 'fe'.
        var words = line.Split(' ');
        var format = words[0] switch
        {
            "tcp-request" => ConditionMessages.TcpRule("tcp-request content reject", "frontend", "fe", "if"),
            "redirect" => ConditionMessages.Redirect("frontend", "fe"),
            "http-request" => ConditionMessages.HttpRedirect("http-request", "frontend", "fe"),
            _ => ConditionMessages.For(new ConfigLine(At, words)),
        };
        var diagnostics = new DiagnosticBag();

        var condition = ConditionParser.Parse(new ConfigLine(At, words), Array.IndexOf(words, "if"), _ => false, diagnostics, format);

        Assert.Null(condition);
        Assert.Equal([$"[ALERT] parsing [t.cfg:8] : {message}"], diagnostics.Messages());
    }

    [Fact]
    public void Parse_NeitherIfNorUnless_ReportsBuildAclCondMessage()
    {
        // src/acl.c build_acl_cond; rule keywords normally check this first with their own wording.
        var diagnostics = new DiagnosticBag();

        var condition = ConditionParser.Parse(new ConfigLine(At, ["use_backend", "be", "when", "a"]), 2, Declared.Contains, diagnostics);

        Assert.Null(condition);
        Assert.Equal(
            ["[ALERT] parsing [t.cfg:8] : error detected while parsing switching rule : conditions must start with either 'if' or 'unless'."],
            diagnostics.Messages());
    }

    [Fact]
    public void Parse_AbortsFlag_IsPassedToTheDiagnostic()
    {
        var words = new[] { "http-request", "deny", "if", "nope" };
        var diagnostics = new DiagnosticBag();

        ConditionParser.Parse(new ConfigLine(At, words), 2, _ => false, diagnostics, ConditionMessages.HttpRule("http-request", "deny"), aborts: true);

        Assert.True(diagnostics.HasAbort);
    }

    [Theory]
    [InlineData("http-request deny if nope", true)]
    [InlineData("http-response deny if nope", true)]
    [InlineData("use_backend be if nope", false)]
    public void Parse_DefaultOverload_AbortsLikeHaproxy(string line, bool aborts)
    {
        // haproxy -c with two such lines reports only the first one for http-request/http-response rules.
        var (_, diagnostics) = Parse(line);

        Assert.Equal(aborts, diagnostics.HasAbort);
    }
}
