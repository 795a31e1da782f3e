using Microsoft.AspNetCore.Http;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Conditions;

/// <summary>`var(scope.name)`: a variable set by `set-var`; no sample when it was never set.</summary>
internal sealed class VariableFetch(string name) : IStringFetch
{
    public bool AnyMatches(HttpContext context, IStringMatch match)
        => TransactionVariables.Get(context, name) is { } value && match.Matches(value);
}
