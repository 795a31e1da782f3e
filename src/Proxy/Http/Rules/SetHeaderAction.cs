using Microsoft.AspNetCore.Http;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>
/// `set-header NAME FMT` (every existing line of that name removed, then one added) and `add-header NAME FMT` (one
/// more line), on the request or the response (haproxy 2.6 configuration.txt §4.2).
/// </summary>
internal sealed class SetHeaderAction(string name, LogFormatExpression value, bool add, bool response) : IHttpRequestAction
{
    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var headers = response ? context.Response.Headers : context.Request.Headers;
        var text = value.Evaluate(context);
        if (add)
        {
            headers.Append(name, text);
        }
        else
        {
            // Removing first puts the header after the others, where HAProxy appends it.
            HeaderRemoval.Remove(headers, name);
            headers[name] = text;
        }

        return ValueTask.FromResult(RuleOutcome.Continue);
    }
}
