using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Rules;

/// <summary>
/// `deny [deny_status N]`: HAProxy's error page for the status (403 for requests, 502 for responses by default;
/// haproxy 2.6 configuration.txt §4.2), in place of whatever was being answered.
/// </summary>
/// <param name="status">The status sent.</param>
/// <param name="terminationState">"PR" for `http-request deny`, "PH" for `http-response deny` (haproxy 2.6 logs the
/// proxy as the cause, in the request or the response-headers phase).</param>
internal sealed class DenyAction(int status, string terminationState = "PR") : IHttpRequestAction
{
    public async ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        RequestOutcome.Of(context)?.End(status, terminationState);
        await HaproxyErrorPages.WriteAsync(context.Response, status);
        return RuleOutcome.Responded;
    }
}
