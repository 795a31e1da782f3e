using System.Text;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class HttpCheckPlanTests
{
    private static (HttpCheckPlan? Plan, string? Unsupported) Plan(string lines)
    {
        var backend = HealthRuntime.Backend("backend be\n" + lines + " server a 127.0.0.1:1 check\n");
        var plan = HttpCheckPlan.For(backend.Definition, out var unsupported);
        return (plan, unsupported);
    }

    private static string Request(HttpCheckPlan plan, string? state = null) => Encoding.Latin1.GetString(plan.Request(state));

    [Fact]
    public void For_NoHttpchk_IsNull()
        => Assert.Null(Plan("").Plan);

    [Fact]
    public void For_BareHttpchk_SendsOptionsSlashHttp10()
        => Assert.Equal("OPTIONS / HTTP/1.0\r\n\r\n", Request(Plan(" option httpchk\n").Plan!));

    [Fact]
    public void For_Http11_ClosesTheConnection()
        => Assert.Equal("GET /h HTTP/1.1\r\nconnection: close\r\n\r\n", Request(Plan(" option httpchk GET /h HTTP/1.1\n").Plan!));

    [Fact]
    public void For_ConfiguredConnectionAndBody_ConnectionComesLast()
        => Assert.Equal("GET /x HTTP/1.0\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nab",
            Request(Plan(" option httpchk GET /x HTTP/1.0\n http-check send hdr Connection keep-alive body ab\n").Plan!));

    [Fact]
    public void For_HttpchkUriOnly_UsesOptions()
        => Assert.StartsWith("OPTIONS /health HTTP/1.0\r\n", Request(Plan(" option httpchk /health\n").Plan!));

    [Fact]
    public void For_HttpchkMethodUriVersion_SendsThem()
        => Assert.StartsWith("GET /h HTTP/1.1\r\n", Request(Plan(" option httpchk GET /h HTTP/1.1\n").Plan!));

    [Fact]
    public void For_HttpCheckSend_OverridesAndAddsHeadersAndBody()
    {
        var (plan, unsupported) = Plan(" option httpchk\n http-check send meth POST uri /x ver HTTP/1.1 hdr Host example.org body abc\n");

        Assert.Null(unsupported);
        Assert.Equal("POST /x HTTP/1.1\r\nhost: example.org\r\ncontent-length: 3\r\nconnection: close\r\n\r\nabc", Request(plan!));
    }

    [Fact]
    public void For_SendState_AddsTheStateHeaderAfterConfiguredHeaders()
        => Assert.Equal("POST /x HTTP/1.1\r\nhost: a\r\nx-haproxy-server-state: UP; name=be/a\r\ncontent-length: 3\r\nconnection: close\r\n\r\nabc",
            Request(Plan(" option httpchk\n http-check send-state\n http-check send meth POST uri /x ver HTTP/1.1 hdr Host a body abc\n").Plan!, "UP; name=be/a"));

    [Fact]
    public void For_DisableOn404_IsRead()
        => Assert.True(Plan(" option httpchk\n http-check disable-on-404\n").Plan!.DisableOn404);

    [Fact]
    public void For_UnsupportedExpect_IsNamed()
        => Assert.Equal("'http-check expect string-lf %[x]'", Plan(" option httpchk\n http-check expect string-lf %[x]\n").Unsupported);
}
