using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model.Conditions;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Conditions;

/// <summary>
/// `acl` lines in frontend 'fe' at line 8; every message was produced by `haproxy -c` (2.6.12) with the same line
/// in a frontend that also has `use_backend be if a`, so the ACL's own error is the first alert.
/// </summary>
public sealed class AclParserTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 8);

    internal static (AclDefinition? Acl, DiagnosticBag Diagnostics) Parse(string line)
    {
        var diagnostics = new DiagnosticBag();
        var acl = AclParser.Parse(new ConfigLine(At, line.Split(' ')), diagnostics);
        return (acl, diagnostics);
    }

    [Theory]
    [InlineData("acl a foo /x", "error detected while parsing ACL 'a' : unknown fetch method 'foo' in ACL expression 'foo'.")]
    [InlineData("acl a pth /x", "error detected while parsing ACL 'a' : unknown fetch method 'pth' in ACL expression 'pth'.")]
    [InlineData("acl a hdr(host", "error detected while parsing ACL 'a' : ACL keyword 'hdr' : expected ')'.")]
    [InlineData("acl a hdr(host,1,2) x", "error detected while parsing ACL 'a' : ACL keyword 'hdr' : expected ')' before ',2)'.")]
    [InlineData("acl a hdr_beg(host,x) a", "error detected while parsing ACL 'a' : ACL keyword 'hdr_beg' : failed to parse 'x' as type 'integer' at position 2.")]
    [InlineData("acl a req.hdr(host,x) x", "error detected while parsing ACL 'a' : fetch method 'req.hdr' : failed to parse 'x' as type 'integer' at position 2 in ACL expression 'req.hdr(host,x)'.")]
    [InlineData("acl a req.hdr(host", "error detected while parsing ACL 'a' : fetch method 'req.hdr' : expected ')' in ACL expression 'req.hdr(host'.")]
    [InlineData("acl a path(x) /", "error detected while parsing ACL 'a' : ACL keyword 'path' : expected ')' before 'x)'.")]
    [InlineData("acl a path_beg(x) /", "error detected while parsing ACL 'a' : ACL keyword 'path_beg' : expected ')' before 'x)'.")]
    [InlineData("acl a (x) y", "error detected while parsing ACL 'a' : missing fetch method in ACL expression '(x)'.")]
    [InlineData("acl a", "error detected while parsing ACL 'a' : missing fetch method in ACL expression ''.")]
    [InlineData("acl a path,foo /x", "error detected while parsing ACL 'a' : ACL keyword 'path' : unknown converter 'foo'..")]
    [InlineData("acl a path,lower(1) /x", "error detected while parsing ACL 'a' : ACL keyword 'path' : invalid arg 1 in converter 'lower' : expected ')' before '1)'..")]
    [InlineData("acl a path,field /x", "error detected while parsing ACL 'a' : ACL keyword 'path' : invalid arg 1 in converter 'field' : expected type 'integer' at position 1, but got nothing..")]
    [InlineData("acl a path,field(x,1) /x", "error detected while parsing ACL 'a' : ACL keyword 'path' : invalid arg 1 in converter 'field' : failed to parse 'x' as type 'integer' at position 1..")]
    [InlineData("acl a src,foo x", "error detected while parsing ACL 'a' : unknown converter 'foo' in ACL expression 'src,foo'.")]
    [InlineData("acl a src,ipmask(33) 1.2.3.4", "error detected while parsing ACL 'a' : invalid arg 1 in converter 'ipmask' : failed to parse '33' as type 'IPv4 mask' at position 1 in ACL expression 'src,ipmask(33)'.")]
    [InlineData("acl a src,lower(1) x", "error detected while parsing ACL 'a' : invalid arg 1 in converter 'lower' : expected ')' before '1)' in ACL expression 'src,lower(1)'.")]
    [InlineData("acl a ssl_fc,ipmask(24) x", "error detected while parsing ACL 'a' : converter 'ipmask' cannot be applied in ACL expression 'ssl_fc,ipmask(24)'.")]
    [InlineData("acl a src(1) 1.2.3.4", "error detected while parsing ACL 'a' : fetch method 'src' : expected ')' before '1)' in ACL expression 'src(1)'.")]
    [InlineData("acl a hdr_cnt(a,b) 1", "error detected while parsing ACL 'a' : fetch method 'hdr_cnt' : expected ')' before ',b)' in ACL expression 'hdr_cnt(a,b)'.")]
    [InlineData("acl a req.payload x", "error detected while parsing ACL 'a' : fetch method 'req.payload' : expected type 'integer' at position 1, but got nothing in ACL expression 'req.payload'.")]
    [InlineData("acl a req.payload(1) x", "error detected while parsing ACL 'a' : fetch method 'req.payload' : missing arguments (got 1/2), type 'integer' expected in ACL expression 'req.payload(1)'.")]
    [InlineData("acl a req.hdr(a)x x", "error detected while parsing ACL 'a' : missing comma after fetch keyword 'req.hdr' in ACL expression 'req.hdr(a)x'.")]
    [InlineData("acl a a+b x", "error detected while parsing ACL 'a' : unknown fetch method 'a+b' in ACL expression 'a+b'.")]
    [InlineData("acl a path -x /x", "error detected while parsing ACL 'a' : '-x' is not a valid ACL option. Please use '--' before any pattern beginning with a '-'.")]
    [InlineData("acl a dst_port -1", "error detected while parsing ACL 'a' : '-1' is not a valid ACL option. Please use '--' before any pattern beginning with a '-'.")]
    [InlineData("acl a path -m foo /x", "error detected while parsing ACL 'a' : unknown matching method 'foo' when parsing ACL expression.")]
    [InlineData("acl a path -m", "error detected while parsing ACL 'a' : unknown matching method '' when parsing ACL expression.")]
    [InlineData("acl a ssl_fc -m ip 1.2.3.4", "error detected while parsing ACL 'a' : matching method 'ip' cannot be used with fetch keyword 'ssl_fc'.")]
    [InlineData("acl a req.payload(0,1) x", "error detected while parsing ACL 'a' : matching method must be specified first (using '-m') when using a sample fetch of this type ('req.payload').")]
    [InlineData("acl a req.payload(0,1) -f /dev/null", "error detected while parsing ACL 'a' : matching method must be specified first (using '-m') when using a sample fetch of this type ('req.payload').")]
    [InlineData("acl a path -u x /", "error detected while parsing ACL 'a' : the argument of -u must be an integer.")]
    [InlineData("acl a path -f /nonexist", "error detected while parsing ACL 'a' : failed to open pattern file </nonexist>.")]
    [InlineData("acl a path -f", "error detected while parsing ACL 'a' : failed to open pattern file <>.")]
    [InlineData("acl a path -i -f /dev/null -m beg x", "error detected while parsing ACL 'a' : '-m' must only be specified before patterns and files in parsing ACL expression.")]
    [InlineData("acl a src -m ip 1.2.3.300", "error detected while parsing ACL 'a' : '1.2.3.300' is not a valid IPv4 or IPv6 address.")]
    [InlineData("acl a src 1.2.3.4/33", "error detected while parsing ACL 'a' : '1.2.3.4/33' is not a valid IPv4 or IPv6 address.")]
    [InlineData("acl a src foo.invalid", "error detected while parsing ACL 'a' : 'foo.invalid' is not a valid IPv4 or IPv6 address.")]
    [InlineData("acl a dst_port x", "error detected while parsing ACL 'a' : 'x' is not a number.")]
    [InlineData("acl a dst_port 1:x", "error detected while parsing ACL 'a' : '1:x' is not a valid number range.")]
    [InlineData("acl a dst_port 3:1", "error detected while parsing ACL 'a' : '3:1' is not a valid number range.")]
    [InlineData("acl a dst_port gt x", "error detected while parsing ACL 'a' : 'x' is neither a number nor a supported operator.")]
    [InlineData("acl a path -m len x", "error detected while parsing ACL 'a' : 'x' is not a number.")]
    [InlineData("acl a path,add(1) /x", "error detected while parsing ACL 'a' : '/x' is not a number.")]
    [InlineData("acl a req.payload(0,1) -m bin zz", "error detected while parsing ACL 'a' : an hex digit is expected (found 'z').")]
    [InlineData("acl a req.payload(0,1) -m bin 0", "error detected while parsing ACL 'a' : an even number of hex digit is expected.")]
    [InlineData("acl a path_reg (", "error detected while parsing ACL 'a' : regex '(' is invalid (error=missing closing parenthesis, erroffset=1).")]
    [InlineData("acl a path -m reg [a", "error detected while parsing ACL 'a' : regex '[a' is invalid (error=missing terminating ] for character class, erroffset=2).")]
    [InlineData("acl a/x path /", "character '/' is not permitted in acl name 'a/x'.")]
    [InlineData("acl or path /", "acl name 'or' will never match. 'or' is used to express a logical disjunction within a condition.")]
    [InlineData("acl OR path /", "acl name 'OR' will never match. 'or' is used to express a logical disjunction within a condition.")]
    [InlineData("acl a req.payload(,1) x", "error detected while parsing ACL 'a' : fetch method 'req.payload' : expected type 'integer' at position 1, but got nothing in ACL expression 'req.payload(,1)'.")]
    [InlineData("acl a req.payload() x", "error detected while parsing ACL 'a' : fetch method 'req.payload' : expected type 'integer' at position 1, but got nothing in ACL expression 'req.payload()'.")]
    [InlineData("acl a req.payload(1,) x", "error detected while parsing ACL 'a' : fetch method 'req.payload' : expected type 'integer' at position 2, but got nothing in ACL expression 'req.payload(1,)'.")]
    [InlineData("acl a src,ipmask() x", "error detected while parsing ACL 'a' : invalid arg 1 in converter 'ipmask' : expected type 'IPv4 mask' at position 1, but got nothing in ACL expression 'src,ipmask()'.")]
    [InlineData("acl a hdr(host)( -i example.com", "error detected while parsing ACL 'a' : ACL keyword 'hdr' : missing comma after fetch keyword..")]
    [InlineData("acl a src,protobuf x", "error detected while parsing ACL 'a' : invalid arg 1 in converter 'protobuf' : expected type 'Protocol buffers field number' at position 1, but got nothing in ACL expression 'src,protobuf'.")]
    [InlineData("acl a req.ssl_ver 3.1:x", "error detected while parsing ACL 'a' : '3.1:x' is not a valid dotted number range.")]
    [InlineData("acl a req.ssl_ver 3.3:3.1", "error detected while parsing ACL 'a' : '3.3:3.1' is not a valid dotted number range.")]
    [InlineData("acl a req.ssl_ver gt 3.x", "error detected while parsing ACL 'a' : '3.x' is neither a number nor a supported operator.")]
    [InlineData("acl a req.ssl_ver gt 70000", "error detected while parsing ACL 'a' : '70000' contains too large a major value.")]
    [InlineData("acl a req.ssl_ver ge 3.70000", "error detected while parsing ACL 'a' : '3.70000' contains too large a minor value.")]
    [InlineData("acl a req.ssl_ver 3.70000", "error detected while parsing ACL 'a' : '3.70000' is not a dotted number.")]
    [InlineData("acl a req.ssl_ver -m int x", "error detected while parsing ACL 'a' : 'x' is not a number.")]
    [InlineData("acl a var(x) -m found", "error detected while parsing ACL 'a' : invalid args in fetch method 'var' : invalid variable name 'x'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check' in ACL expression 'var(x)'.")]
    [InlineData("acl a var(txn.x-y) -m found", "error detected while parsing ACL 'a' : invalid args in fetch method 'var' : invalid syntax at char '-y' in ACL expression 'var(txn.x-y)'.")]
    [InlineData("acl a req.hdr(x),set-var(y) -m found", "error detected while parsing ACL 'a' : invalid args in converter 'set-var' : invalid variable name 'y'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check' in ACL expression 'req.hdr(x),set-var(y)'.")]
    [InlineData("acl a bool(2) -m found", "error detected while parsing ACL 'a' : invalid args in fetch method 'bool' : Expects 'true', 'false', '0' or '1' in ACL expression 'bool(2)'.")]
    [InlineData("acl a fc_rtt(s) gt 1", "error detected while parsing ACL 'a' : invalid args in fetch method 'fc_rtt' : expects 'us' or 'ms', got 's' in ACL expression 'fc_rtt(s)'.")]
    public void Parse_InvalidLine_ReportsHaproxyMessage(string line, string message)
    {
        var (acl, diagnostics) = Parse(line);

        Assert.Null(acl);
        Assert.Equal([$"[ALERT] parsing [t.cfg:8] : {message}"], diagnostics.Messages());
    }

    [Fact]
    public void Parse_EmptyName_CutsMessageShortLikeHaproxy()
    {
        // `acl ""`: HAProxy prints "character '" and the NUL it found ends its C string.
        var diagnostics = new DiagnosticBag();

        Assert.Null(AclParser.Parse(new ConfigLine(At, ["acl", ""]), diagnostics));
        Assert.Equal(["[ALERT] parsing [t.cfg:8] : character '"], diagnostics.Messages());
    }

    [Theory]
    [InlineData("acl a path_beg /api /static", "path", "path_beg", "", MatchMethod.Beg, 2)]
    [InlineData("acl a path /x", "path", "path", "", MatchMethod.Str, 1)]
    [InlineData("acl a hdr(host) -i example.com", "req.hdr", "hdr", "", MatchMethod.Str, 1)]
    [InlineData("acl a hdr_dom(host) -i example.com", "req.hdr", "hdr_dom", "", MatchMethod.Dom, 1)]
    [InlineData("acl a hdr_beg(host,1) www.", "req.hdr", "hdr_beg", "", MatchMethod.Beg, 1)]
    [InlineData("acl a req.hdr(host),lower -m end .com", "req.hdr", null, "lower", MatchMethod.End, 1)]
    [InlineData("acl a path,lower, lower /x", "path", "path", "lower", MatchMethod.Str, 2)]
    [InlineData("acl a src,ipmask(24),lower 1.2.3.0", "src", null, "ipmask,lower", MatchMethod.Str, 1)]
    [InlineData("acl a src lower 1.2.3.4", "src", null, "lower", MatchMethod.Str, 2)]
    [InlineData("acl a req.payload(0,1) -m bin 0a", "req.payload", null, "", MatchMethod.Bin, 1)]
    [InlineData("acl a ssl_fc", "ssl_fc", null, "", MatchMethod.Bool, 0)]
    [InlineData("acl a dst_port 80 443 8000:8080", "dst_port", null, "", MatchMethod.Int, 3)]
    [InlineData("acl a dst_port gt 1024", "dst_port", null, "", MatchMethod.Int, 1)]
    [InlineData("acl a src 10.0.0.0/8 ::1 2001:db8::/32 10.0.0.0/255.0.0.0", "src", null, "", MatchMethod.Ip, 4)]
    [InlineData("acl a src 10.0.0.0/255.0.255.0", "src", null, "", MatchMethod.Ip, 1)]
    [InlineData("acl a path_reg ^/api/v[0-9]+/", "path", "path_reg", "", MatchMethod.Reg, 1)]
    [InlineData("acl a path -m found", "path", "path", "", MatchMethod.Found, 0)]
    [InlineData("acl a method GET HEAD", "method", "method", "", MatchMethod.Str, 2)]
    [InlineData("acl a url_param(id) -m int 5", "url_param", null, "", MatchMethod.Int, 1)]
    [InlineData("acl a path,length gt 10", "path", "path", "length", MatchMethod.Int, 1)]
    [InlineData("acl a req.hdr_cnt(host) eq 0", "req.hdr_cnt", null, "", MatchMethod.Int, 1)]
    [InlineData("acl a path -m len le 5", "path", "path", "", MatchMethod.Len, 1)]
    [InlineData("acl a base_sub -i foo", "base", "base_sub", "", MatchMethod.Sub, 1)]
    [InlineData("acl a cook(SESSION) -m found", "req.cook", "cook", "", MatchMethod.Found, 0)]
    [InlineData("acl a src,ipmask(24) -m int 1", "src", null, "ipmask", MatchMethod.Int, 1)]
    [InlineData("acl a-b_c.d:e path /", "path", "path", "", MatchMethod.Str, 1)]
    [InlineData("acl a path() x", "path", "path", "", MatchMethod.Str, 1)]
    [InlineData("acl a req.hdr(a,) x", "req.hdr", null, "", MatchMethod.Str, 1)]
    [InlineData("acl a str x", "str", null, "", MatchMethod.Str, 1)]
    [InlineData("acl a src_conn_cur gt 10", "src_conn_cur", null, "", MatchMethod.Int, 1)]
    [InlineData("acl a hdr(host) -m ip -i localhost", "req.hdr", "hdr", "", MatchMethod.Ip, 1)]
    [InlineData("acl a var(txn.x,def) -m found", "var", null, "", MatchMethod.Found, 0)]
    [InlineData("acl a var(proc.a.b) -m found", "var", null, "", MatchMethod.Found, 0)]
    [InlineData("acl a req.hdr(x),set-var(txn.y) -m found", "req.hdr", null, "set-var", MatchMethod.Found, 0)]
    [InlineData("acl a fc_rtt(us) gt 1", "fc_rtt", null, "", MatchMethod.Int, 1)]
    public void Parse_ValidLine_ReturnsCriterion(string line, string fetch, string? aclKeyword, string converters, MatchMethod match, int patterns)
    {
        // Each line was accepted by `haproxy -c` ("Configuration file is valid"), except that for `src_conn_cur`
        // haproxy's later argument resolution wants a stick-table in the proxy (not a parse error).
        var (acl, diagnostics) = Parse(line);

        Assert.Empty(diagnostics.Items);
        var criterion = acl!.Criterion!;
        Assert.Equal(line.Split(' ')[1], acl.Name);
        Assert.Equal(fetch, criterion.Sample.Fetch);
        Assert.Equal(aclKeyword, criterion.Sample.AclKeyword);
        Assert.Equal(converters, string.Join(",", criterion.Sample.Converters.Select(c => c.Name)));
        Assert.Equal(match, criterion.Match);
        Assert.Equal(patterns, criterion.Patterns.Count);
    }

    [Fact]
    public void Parse_IntegerOperators_FoldIntoRanges()
    {
        var (acl, _) = Parse("acl a dst_port 80 gt 1024 ge 5 le 7 lt 9 3:4 eq 6 :2");

        Assert.Equal(
            [(80L, 80L), (1025L, null), (5L, null), (null, 7L), (null, 8L), (3L, 4L), (6L, 6L), (null, 2L)],
            acl!.Criterion!.Patterns.Cast<IntegerRangePattern>().Select(p => (p.Min, p.Max)));
    }

    [Fact]
    public void Parse_IpPatterns_KeepAddressAndPrefix()
    {
        var (acl, _) = Parse("acl a src 10.0.0.0/8 ::1 2001:db8::/32 192.168.0.0/255.255.0.0 1.2.3.4");

        Assert.Equal(
            ["10.0.0.0/8", "::1/128", "2001:db8::/32", "192.168.0.0/16", "1.2.3.4/32"],
            acl!.Criterion!.Patterns.Cast<IpNetworkPattern>().Select(p => $"{p.Address}/{p.PrefixLength}"));
    }

    [Fact]
    public void Parse_Flags_AreRecordedAndDoubleDashEndsThem()
    {
        var (acl, diagnostics) = Parse("acl a path -i -n -M -u 7 -- -x");

        Assert.Empty(diagnostics.Items);
        var criterion = acl!.Criterion!;
        Assert.Equal(new AclFlags { IgnoreCase = true, NoDns = true, LoadAsMap = true, UniqueId = 7 }, criterion.Flags with { PatternFiles = [] });
        Assert.Equal(["-x"], criterion.Patterns.Select(p => p.Text));
    }

    [Fact]
    public void Parse_RegexWithIgnoreCase_CompilesCaseInsensitive()
    {
        var (acl, _) = Parse("acl a path_reg -i ^/API$");

        Assert.Matches(((RegexPattern)acl!.Criterion!.Patterns[0]).Regex, "/api");
    }

    [Fact]
    public void Parse_BinaryPattern_DecodesHex()
    {
        var (acl, _) = Parse("acl a req.payload(0,2) -m bin 0aFF");

        Assert.Equal([0x0a, 0xff], ((BinaryPattern)acl!.Criterion!.Patterns[0]).Bytes);
    }

    [Fact]
    public void Parse_NoPattern_WarnsLikeHaproxy()
    {
        // `acl a path` alone: haproxy -c prints this warning without a location and accepts the file.
        var (acl, diagnostics) = Parse("acl a path");

        Assert.NotNull(acl);
        Assert.Equal(
            [
                "[WARNING] parsing acl keyword 'path' :\n"
                + "  no pattern to match against were provided, so this ACL will never match.\n"
                + "  If this is what you intended, please add '--' to get rid of this warning.\n"
                + "  If you intended to match only for existence, please use '-m found'.\n"
                + "  If you wanted to force an int to match as a bool, please use '-m bool'.\n",
            ],
            diagnostics.Messages());
    }

    [Theory]
    [InlineData("acl a path -i")]
    [InlineData("acl a path --")]
    [InlineData("acl a ssl_fc")]
    [InlineData("acl a path -m found")]
    public void Parse_FlagOrBooleanWithoutPattern_DoesNotWarn(string line)
    {
        var (acl, diagnostics) = Parse(line);

        Assert.NotNull(acl);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Parse_SslVersionKeyword_ReadsDottedVersions()
    {
        // `acl a req.ssl_ver 3.1 3 3.0:3.3 :3.2 3.1-3.3` and `acl a req_ssl_ver lt 3.1` pass haproxy -c.
        var (acl, diagnostics) = Parse("acl a req.ssl_ver 3.1 3 3.0:3.3 :3.2 3.1-3.3 lt 3.1");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            [(0x30001L, 0x30001L), (0x30000L, 0x30000L), (0x30000L, 0x30003L), (null, 0x30002L), (0x30001L, 0x30003L), (null, 0x30000L)],
            acl!.Criterion!.Patterns.Cast<IntegerRangePattern>().Select(p => (p.Min, p.Max)));
    }
}
