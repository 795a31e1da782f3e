using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model.Conditions;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Conditions;

/// <summary>
/// Warnings for fetches that cannot work where the rule runs, in frontend 'fe'. Each message came from
/// `haproxy -c` with the rule shown (and, for 'r', the acl lines shown above it).
/// </summary>
public sealed class ConditionContextCheckTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 8);

    private static string[] Check(string rule, SampleContexts where, params string[] aclLines) => CheckRule(rule, where, null, aclLines);

    private static string[] CheckRule(string rule, SampleContexts where, string? tcpRule, string[] aclLines)
    {
        var diagnostics = new DiagnosticBag();
        var acls = aclLines.Select(l => AclParser.Parse(new ConfigLine(At, l.Split(' ')), diagnostics)!).ToList();
        var words = rule.Split(' ');
        var condition = ConditionParser.Parse(new ConfigLine(At, words), Array.IndexOf(words, "if"), n => acls.Any(a => a.Name == n), diagnostics)!;

        ConditionContextCheck.Warn(condition, where, n => acls.Where(a => a.Name == n).Select(a => a.Criterion!), diagnostics, tcpRule);
        return diagnostics.Messages();
    }

    [Theory]
    [InlineData("use_backend be if { res.hdr(x) -m found }", SampleContexts.FrontendUseBackend,
        "anonymous acl will never match because it uses keyword 'res.hdr' which is incompatible with 'frontend use-backend rule'")]
    [InlineData("use_backend be if { shdr(x) -m found }", SampleContexts.FrontendUseBackend,
        "anonymous acl will never match because it uses keyword 'shdr' which is incompatible with 'frontend use-backend rule'")]
    [InlineData("use_backend be if { shdr(x),lower -m found }", SampleContexts.FrontendUseBackend,
        "anonymous acl will never match because it uses keyword 'res.hdr' which is incompatible with 'frontend use-backend rule'")]
    [InlineData("http-request deny if { res.hdr(x) -m found }", SampleContexts.FrontendHttpRequestHeader,
        "anonymous acl will never match because it uses keyword 'res.hdr' which is incompatible with 'frontend http-request header rule'")]
    [InlineData("http-request deny if TRUE { res.hdr(x) -m found } { shdr(x) -m found }", SampleContexts.FrontendHttpRequestHeader,
        "anonymous acl will never match because it uses keyword 'res.hdr' which is incompatible with 'frontend http-request header rule'")]
    public void Warn_AnonymousAclOutOfContext_WarnsLikeHaproxy(string rule, SampleContexts where, string message)
    {
        Assert.Equal([$"[WARNING] parsing [t.cfg:8] : {message}"], Check(rule, where));
    }

    [Fact]
    public void Warn_NamedAclOnlyOutOfContext_NeverMatches()
    {
        var messages = Check("use_backend be if r", SampleContexts.FrontendUseBackend, "acl r res.hdr(x) -m found");

        Assert.Equal(
            ["[WARNING] parsing [t.cfg:8] : acl 'r' will never match because it only involves keywords that are incompatible with 'frontend use-backend rule'"],
            messages);
    }

    [Fact]
    public void Warn_NamedAclPartlyOutOfContext_NamesTheKeyword()
    {
        var messages = Check("http-request deny if r TRUE", SampleContexts.FrontendHttpRequestHeader, "acl r res.hdr(x) -m found", "acl r path /");

        Assert.Equal(
            ["[WARNING] parsing [t.cfg:8] : acl 'r' involves keywords 'res.hdr' which is incompatible with 'frontend http-request header rule'"],
            messages);
    }

    [Theory]
    [InlineData("use_backend be if { path /x } LOCALHOST METH_GET", SampleContexts.FrontendUseBackend)]
    [InlineData("http-request deny if { hdr(host) -m found }", SampleContexts.FrontendHttpRequestHeader)]
    public void Warn_EverythingInContext_SaysNothing(string rule, SampleContexts where)
    {
        Assert.Empty(Check(rule, where));
    }

    [Fact]
    public void NameOf_Context_IsHaproxyWording()
    {
        Assert.Equal("backend use-server, balance or stick-match rule", ConditionContextCheck.NameOf(SampleContexts.BackendUseServer));
    }

    [Theory]
    [InlineData("tcp-request content reject if { res.hdr(x) -m found } { src 1.2.3.4 }", new string[0],
        "anonymous acl will never match in 'tcp-request content' because it uses keyword 'res.hdr' which is incompatible with 'frontend tcp-request content rule'")]
    [InlineData("tcp-request content reject if r", new[] { "acl r res.hdr(x) -m found" },
        "acl 'r' will never match in 'tcp-request content' because it only involves keywords that are incompatible with 'frontend tcp-request content rule'")]
    [InlineData("tcp-request content reject if r", new[] { "acl r res.hdr(x) -m found", "acl r src 1.2.3.4" },
        "acl 'r' involves keyword 'res.hdr' which is incompatible with 'frontend tcp-request content rule'")]
    public void Warn_TcpRule_UsesTcpRulesWording(string rule, string[] aclLines, string message)
    {
        Assert.Equal([$"[WARNING] parsing [t.cfg:8] : {message}"], CheckRule(rule, SampleContexts.FrontendTcpRequestContent, "tcp-request content", aclLines));
    }
}
