using Microsoft.AspNetCore.Http;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>
/// `set-path FMT`, `set-pathq FMT`, `set-query FMT`, `set-uri FMT`, `set-method FMT` (haproxy 2.6 configuration.txt §4.2): the value is
/// evaluated against the request as it is before the change.
/// </summary>
internal sealed class RewriteRequestAction(string action, LogFormatExpression value) : IHttpRequestAction
{
    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var text = value.Evaluate(context);
        switch (action)
        {
            case "set-method":
                context.Request.Method = text;
                break;
            case "set-uri" or "set-pathq":
                RequestLineRewriter.SetTarget(context, text);
                break;
            case "set-path":
                var (_, _, query) = RequestLineRewriter.Split(context);
                RequestLineRewriter.SetTarget(context, text + query);
                break;
            default:
                // set-query: the '?' stays even for an empty query (haproxy 2.6 http_replace_req_query).
                var (_, path, _) = RequestLineRewriter.Split(context);
                RequestLineRewriter.SetTarget(context, path + "?" + text);
                break;
        }

        return ValueTask.FromResult(RuleOutcome.Continue);
    }
}
