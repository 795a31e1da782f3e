using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http.Conditions;

public class CriterionCompilerTests
{
    [Theory]
    // path and its derived keywords (str beg end sub reg dir dom len), raw target, query excluded.
    [InlineData("path /a/b", "/a/b?x=1", true)]
    [InlineData("path /a", "/a/b", false)]
    [InlineData("path_beg /api", "/api/v1", true)]
    [InlineData("path_beg /api", "/web", false)]
    [InlineData("path_end .jpg", "/img/x.jpg?size=1", true)]
    [InlineData("path_sub /v2/", "/api/v2/x", true)]
    [InlineData("path_reg ^/u/[0-9]+$", "/u/42", true)]
    [InlineData("path_reg ^/u/[0-9]+$", "/u/ab", false)]
    [InlineData("path_dir img", "/static/img/a.png", true)]
    [InlineData("path_dir img", "/static/images/a.png", false)]
    [InlineData("path_dom example.com", "/www.example.com/x", true)]
    [InlineData("path_len 3", "/ab", true)]
    [InlineData("path_len gt 10", "/ab", false)]
    [InlineData("path /x", "http://host:80/x?q", true)]
    [InlineData("path -m found", "*", false)]
    [InlineData("path_beg -i /API", "/api/x", true)]
    [InlineData("path_beg /API", "/api/x", false)]
    [InlineData("path,lower -m beg /api", "/API/x", true)]
    [InlineData("path,upper -m str /API", "/api", true)]
    [InlineData("path -m sub %20", "/a%20b", true)]
    // url, query, url_param.
    [InlineData("url /a?b=1", "/a?b=1", true)]
    [InlineData("url_beg /a?", "/a?b=1", true)]
    [InlineData("url_sub b=1", "/a?b=1", true)]
    [InlineData("query b=1&c=2", "/a?b=1&c=2", true)]
    [InlineData("query -m found", "/a", false)]
    [InlineData("url_param(id) 7", "/a?x=1&id=7", true)]
    [InlineData("url_param(id) 7", "/a?x=1;id=7", true)]
    [InlineData("url_param(id) 7", "/a?xid=7", false)]
    [InlineData("urlp(id) -m found", "/a?x=1", false)]
    [InlineData("urlp_beg(id) ab", "/a?id=abc", true)]
    public void Compile_PathAndUrlFetches_MatchAsHaproxy(string criterion, string target, bool expected)
        => Assert.Equal(expected, Compile("", $"if {{ {criterion} }}").Matches(Request(target: target)));

    [Theory]
    [InlineData("hdr(host) example.com", "Host: example.com", true)]
    [InlineData("hdr(host) example.com", "Host: example.com:8080", false)]
    [InlineData("hdr(host) -i EXAMPLE.com", "Host: example.COM", true)]
    [InlineData("hdr(host) EXAMPLE.com", "Host: example.com", false)]
    [InlineData("hdr_dom(host) example.com", "Host: www.example.com:8080", true)]
    [InlineData("hdr_beg(host) www.", "Host: www.example.com", true)]
    [InlineData("hdr_end(host) .com", "Host: www.example.com", true)]
    [InlineData("hdr_sub(host) ample", "Host: www.example.com", true)]
    [InlineData("hdr_reg(host) ^w+\\.", "Host: www.example.com", true)]
    [InlineData("hdr_len(host) 11", "Host: example.com", true)]
    [InlineData("hdr_len(host) 12", "Host: example.com", false)]
    [InlineData("hdr(x-a) b", "X-A: a, b ,c", true)]
    [InlineData("req.hdr(x-a) b", "X-A: a|X-A: b", true)]
    [InlineData("req.fhdr(x-a) b", "X-A: a, b", false)]
    [InlineData("req.fhdr(x-a) \"a, b\"", "X-A: a, b", true)]
    [InlineData("hdr(x-a,1) a", "X-A: a, b", true)]
    [InlineData("hdr(x-a,2) a", "X-A: a, b", false)]
    [InlineData("hdr(x-a,-1) c", "X-A: a, b|X-A: c", true)]
    [InlineData("hdr(x-a,-1) b", "X-A: a, b|X-A: c", false)]
    [InlineData("hdr(x-a) -m found", "X-B: 1", false)]
    [InlineData("hdr(x-a) -m found", "X-A: 1", true)]
    [InlineData("hdr_cnt(x-a) 3", "X-A: a, b|X-A: c", true)]
    [InlineData("req.hdr_cnt(x-a) eq 0", "", true)]
    [InlineData("req.fhdr_cnt(x-a) 2", "X-A: a, b|X-A: c", true)]
    [InlineData("req.hdr(host),lower -m str example.com", "Host: EXAMPLE.com", true)]
    [InlineData("base example.com/a", "Host: example.com", true)]
    [InlineData("base_beg example.com/", "Host: example.com", true)]
    public void Compile_HeaderFetches_MatchAsHaproxy(string criterion, string headers, bool expected)
        => Assert.Equal(expected, Compile("", $"if {{ {criterion} }}").Matches(Request(target: "/a?q=1", headers: headers)));

    [Theory]
    [InlineData("method GET", "GET", true)]
    [InlineData("method GET", "POST", false)]
    [InlineData("method -i get", "GET", true)]
    [InlineData("method POST PUT", "PUT", true)]
    public void Compile_Method_MatchesAsHaproxy(string criterion, string method, bool expected)
        => Assert.Equal(expected, Compile("", $"if {{ {criterion} }}").Matches(Request(method: method)));

    [Theory]
    [InlineData("src 127.0.0.1", "127.0.0.1", true)]
    [InlineData("src 10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("src 10.0.0.0/8", "11.1.2.3", false)]
    [InlineData("src 192.168.1.1/32", "192.168.1.2", false)]
    [InlineData("src 10.0.0.0/255.0.0.0", "10.9.9.9", true)]
    [InlineData("src 127.0.0.1", "::ffff:127.0.0.1", true)]
    [InlineData("src 127.0.0.1", "::1", false)]
    [InlineData("src ::1", "::1", true)]
    [InlineData("src 2001:db8::/32", "2001:db8:1::5", true)]
    [InlineData("src 2001:db8::/32", "2001:db9::5", false)]
    [InlineData("src ::ffff:10.0.0.0/104", "10.2.3.4", true)]
    [InlineData("src -m found", "10.2.3.4", true)]
    [InlineData("dst 127.0.0.2", "10.2.3.4", true)]
    [InlineData("src_port 40000", "10.2.3.4", true)]
    [InlineData("dst_port 8080", "10.2.3.4", true)]
    [InlineData("dst_port 1:1024", "10.2.3.4", false)]
    [InlineData("ssl_fc", "10.2.3.4", false)]
    public void Compile_ConnectionFetches_MatchAsHaproxy(string criterion, string src, bool expected)
        => Assert.Equal(expected, Compile("", $"if {{ {criterion} }}").Matches(Request(src: src)));

    [Theory]
    [InlineData("req.cook(x) a", "fetch 'req.cook'")]
    [InlineData("cook(x) a", "fetch 'cook'")]
    [InlineData("path,url_dec /a", "converter 'url_dec'")]
    [InlineData("path -m bin 2f", "match method '-m bin'")]
    [InlineData("req.len gt 0", "fetch 'req.len'")]
    [InlineData("ssl_c_i_dn example.com", "fetch 'ssl_c_i_dn'")]
    [InlineData("url_param(id,;) 7", "fetch 'url_param'")]
    [InlineData("hdr(x-n) -m int 5", "match method '-m int'")]
    public void Compile_UnsupportedCriterion_NamesWhatIsMissing(string criterion, string expected)
    {
        Assert.Null(Compile("", $"if {{ {criterion} }}", out var unsupported));
        Assert.Contains(expected, unsupported);
    }

    [Theory]
    [InlineData("WWW.A.Example", "-m found", true)]
    [InlineData("c.example", "-m found", false)]
    [InlineData("www.a.example", "-m str be_a", true)]
    [InlineData("www.a.example", "-m beg be_", true)]
    [InlineData("b.example", "-m str be_a", false)]
    public void Compile_MapConverterInAcl_MatchesTheMappedValue(string host, string match, bool expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["www.a.example be_a", "b.example be_b"]);

            var predicate = Compile("", $"if {{ req.hdr(host),lower,map({file}) {match} }}");

            Assert.Equal(expected, predicate.Matches(Request(headers: $"Host: {host}\r\n")));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
