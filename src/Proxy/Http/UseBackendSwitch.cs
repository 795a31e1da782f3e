using Proxy.Http.Conditions;
using Proxy.Runtime;

namespace Proxy.Http;

/// <summary>
/// One `use_backend` rule at run time: its compiled condition (null when the rule has none and always applies)
/// and its backend (haproxy 2.6 configuration.txt §4.2 use_backend).
/// </summary>
internal sealed class UseBackendSwitch(IRequestPredicate? condition, BackendState backend)
{
    public IRequestPredicate? Condition { get; } = condition;

    public BackendState Backend { get; } = backend;
}
