using Microsoft.AspNetCore.Http;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>`set-var(SCOPE.NAME) EXPR`: stores the sample's value; an absent sample leaves the variable as it was.</summary>
internal sealed class SetVariableAction(string name, ISampleFetch sample) : IHttpRequestAction
{
    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        TransactionVariables.Set(context, name, sample.Fetch(context));
        return ValueTask.FromResult(RuleOutcome.Continue);
    }
}
