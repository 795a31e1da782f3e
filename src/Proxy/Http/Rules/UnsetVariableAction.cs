using Microsoft.AspNetCore.Http;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>`unset-var(SCOPE.NAME)`: forgets the variable.</summary>
internal sealed class UnsetVariableAction(string name) : IHttpRequestAction
{
    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        TransactionVariables.Unset(context, name);
        return ValueTask.FromResult(RuleOutcome.Continue);
    }
}
