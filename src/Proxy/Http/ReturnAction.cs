using System.Text;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Proxy.Http;

/// <summary>`http-request return`: answers from the proxy itself with a status, a content type and a body.</summary>
internal sealed class ReturnAction(HttpReturnRule rule) : IHttpRequestAction
{
    private readonly byte[] _body = rule.Body is null ? [] : Encoding.UTF8.GetBytes(rule.Body);

    public async ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = rule.Status;
        if (rule.ContentType is not null)
        {
            response.Headers[HeaderNames.ContentType] = rule.ContentType;
        }

        response.ContentLength = _body.Length;
        if (_body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(_body);
        }

        return RuleOutcome.Responded;
    }
}
