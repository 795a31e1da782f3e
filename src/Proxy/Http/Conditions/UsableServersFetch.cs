using Microsoft.AspNetCore.Http;
using Proxy.Runtime;

namespace Proxy.Http.Conditions;

/// <summary>
/// `nbsrv(BACKEND)`: the servers of that backend that take traffic now (haproxy 2.6 src/backend.c be_usable_srv: the
/// usable active servers, else 1 for the first backup alone, else the usable backups; exactly the pool's current set).
/// The backend is looked up by name on first use: the runtime's backends are all built by then.
/// </summary>
internal sealed class UsableServersFetch(string backend, IReadOnlyDictionary<string, BackendState> backends) : IIntegerFetch
{
    private BackendState? _resolved;

    public bool TryGet(HttpContext context, out long value)
    {
        var state = _resolved ??= backends.GetValueOrDefault(backend);
        value = state?.Eligible.Count ?? 0;
        return state is not null;
    }
}
