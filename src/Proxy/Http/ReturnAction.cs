using System.Text;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Proxy.Http;

/// <summary>
/// `http-request return`: answers from the proxy itself with a status, a content type and a body (`string`, or
/// `lf-string` evaluated for each request).
/// </summary>
internal sealed class ReturnAction(HttpReturnRule rule, LogFormat.LogFormatExpression? bodyFormat = null) : IHttpRequestAction
{
    private readonly byte[] _body = rule.Body is null || bodyFormat is not null ? [] : Encoding.UTF8.GetBytes(rule.Body);

    public async ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var body = bodyFormat is null ? _body : Encoding.UTF8.GetBytes(bodyFormat.Evaluate(context));
        var response = context.Response;
        response.StatusCode = rule.Status;
        if (rule.ContentType is not null)
        {
            response.Headers[HeaderNames.ContentType] = rule.ContentType;
        }

        response.ContentLength = body.Length;
        if (body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body);
        }

        return RuleOutcome.Responded;
    }
}
