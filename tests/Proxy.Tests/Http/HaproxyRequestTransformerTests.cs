using System.Net;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Proxy.Http;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http;

public class HaproxyRequestTransformerTests
{
    private static readonly ForwardFor Xff = ForwardFor.Combine(new ForwardForOption(TestModel.At, "forwardfor", [], null, null, false), null)!;

    [Fact]
    public async Task TransformRequestAsync_Default_KeepsHostAndAddsNothing()
    {
        var context = Request(target: "/a?b", headers: "Host: h.example|X-Forwarded-For: 192.0.2.1");
        context.Request.Path = "/a";
        context.Request.QueryString = new QueryString("?b");
        using var request = new HttpRequestMessage();

        await HaproxyRequestTransformer.Instance.TransformRequestAsync(context, request, "http://127.0.0.1:1", CancellationToken.None);

        // No rewrite: the target goes out as received (RawRequestTarget).
        Assert.Equal("http://127.0.0.1:1/a?b", request.RequestUri?.OriginalString);
        Assert.Equal("h.example", request.Headers.Host);
        Assert.Equal(["192.0.2.1"], request.Headers.GetValues("X-Forwarded-For"));
        Assert.Null(request.Headers.ConnectionClose);
    }

    [Fact]
    public async Task TransformRequestAsync_ForwardForAndServerClose_AppendedAfterTheClientsHeaders()
    {
        var context = Request(headers: "X-Forwarded-For: 192.0.2.1", src: "198.51.100.7");
        using var request = new HttpRequestMessage();
        var transformer = new HaproxyRequestTransformer(Xff, HttpRuleList.Empty, HttpRuleList.Empty, closeServer: true);

        await transformer.TransformRequestAsync(context, request, "http://127.0.0.1:1", CancellationToken.None);

        Assert.Equal(["192.0.2.1", "198.51.100.7"], request.Headers.GetValues("X-Forwarded-For"));
        Assert.True(request.Headers.ConnectionClose);
    }

    [Theory]
    [InlineData("/new/p%2Fx/../y?q", "http://127.0.0.1:1/new/p%2Fx/../y?q")]
    [InlineData("http://other/z?k", "http://127.0.0.1:1/z?k")]
    public async Task TransformRequestAsync_RewrittenTarget_SentRaw(string target, string expected)
    {
        var context = Request(target: "/old");
        RequestLineRewriter.SetTarget(context, target);
        using var request = new HttpRequestMessage();

        await HaproxyRequestTransformer.Instance.TransformRequestAsync(context, request, "http://127.0.0.1:1", CancellationToken.None);

        Assert.Equal(expected, request.RequestUri!.OriginalString);
    }

    [Fact]
    public async Task TransformResponseAsync_RulesAndClientClose_BackendRulesFirst()
    {
        var context = Request();
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Order", "server");
        var backend = new HttpRuleList([(null, new SetHeaderAction("X-Order", RuleTestFormat("%[res.hdr(x-order)]-be"), add: false, response: true))]);
        var frontend = new HttpRuleList([(null, new SetHeaderAction("X-Order", RuleTestFormat("%[res.hdr(x-order)]-fe"), add: false, response: true))]);
        var transformer = new HaproxyRequestTransformer(null, backend, frontend, closeServer: true, closeClient: true);

        var proceed = await transformer.TransformResponseAsync(context, response, CancellationToken.None);

        Assert.True(proceed);
        Assert.Equal(("server-be-fe", "close"), (context.Response.Headers["X-Order"].ToString(), context.Response.Headers.Connection.ToString()));
    }

    private static Proxy.Http.LogFormat.LogFormatExpression RuleTestFormat(string text) => Rules.RuleTestSupport.Format(text, response: true);
}
