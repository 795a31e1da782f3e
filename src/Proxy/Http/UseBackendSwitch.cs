using Microsoft.AspNetCore.Http;
using Proxy.Http.Conditions;
using Proxy.Http.LogFormat;
using Proxy.Runtime;

namespace Proxy.Http;

/// <summary>
/// One `use_backend` rule at run time: its compiled condition (null when the rule has none and always applies) and
/// its backend, named either statically or by a log-format expression evaluated per request (haproxy 2.6
/// configuration.txt §4.2 use_backend).
/// </summary>
internal sealed class UseBackendSwitch
{
    private readonly BackendState? _backend;
    private readonly LogFormatExpression? _name;
    private readonly IReadOnlyDictionary<string, BackendState>? _byName;

    /// <summary>A rule naming its backend.</summary>
    public UseBackendSwitch(IRequestPredicate? condition, BackendState backend) => (Condition, _backend) = (condition, backend);

    /// <summary>A rule whose backend name is built per request from <paramref name="name"/> and looked up in <paramref name="byName"/>.</summary>
    public UseBackendSwitch(IRequestPredicate? condition, LogFormatExpression name, IReadOnlyDictionary<string, BackendState> byName)
        => (Condition, _name, _byName) = (condition, name, byName);

    public IRequestPredicate? Condition { get; }

    /// <summary>The backends this rule can send to: its own, or every backend for a dynamic name.</summary>
    public IEnumerable<BackendState> Targets => _backend is not null ? [_backend] : _byName!.Values;

    /// <summary>
    /// The rule's backend for this request, or null when a dynamic name names no backend: haproxy 2.6
    /// (stream.c process_switching_rules) then stops looking at the rules and uses the default backend.
    /// </summary>
    public BackendState? Resolve(HttpContext context)
        => _backend ?? _byName!.GetValueOrDefault(_name!.Evaluate(context));
}
