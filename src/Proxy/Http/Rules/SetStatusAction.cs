using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>`http-response set-status N [reason R]`: a new status; the reason phrase is R, else the status's usual one.</summary>
internal sealed class SetStatusAction(int status, LogFormatExpression? reason) : IHttpRequestAction
{
    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        context.Response.StatusCode = status;
        if (context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reason?.Evaluate(context);
        }

        return ValueTask.FromResult(RuleOutcome.Continue);
    }
}
