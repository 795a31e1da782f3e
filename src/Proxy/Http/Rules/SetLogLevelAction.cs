using Microsoft.AspNetCore.Http;
using Proxy.Logging;

namespace Proxy.Http.Rules;

/// <summary>
/// `set-log-level &lt;level&gt;|silent` (haproxy 2.6 configuration.txt §4.2): the access log line of this request
/// goes at that level, or not at all; a later rule may change it again.
/// </summary>
internal sealed class SetLogLevelAction(int? level) : IHttpRequestAction
{
    private readonly LogLevelOverride _override = LogLevelOverride.For(level);

    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        context.Features.Set(_override);
        return ValueTask.FromResult(RuleOutcome.Continue);
    }
}
