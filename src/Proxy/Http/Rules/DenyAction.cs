using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Rules;

/// <summary>
/// `deny [deny_status N]`: HAProxy's error page for the status (403 for requests, 502 for responses by default;
/// haproxy 2.6 configuration.txt §4.2), in place of whatever was being answered.
/// </summary>
internal sealed class DenyAction(int status) : IHttpRequestAction
{
    public async ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        await HaproxyErrorPages.WriteAsync(context.Response, status);
        return RuleOutcome.Responded;
    }
}
