using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>A condition known when the runtime is built: TRUE, FALSE, HTTP, WAIT_END, an empty `if`.</summary>
internal sealed class ConstantPredicate : IRequestPredicate
{
    public static readonly ConstantPredicate True = new(true);
    public static readonly ConstantPredicate False = new(false);

    private readonly bool _value;

    private ConstantPredicate(bool value) => _value = value;

    public bool Matches(HttpContext context) => _value;
}
