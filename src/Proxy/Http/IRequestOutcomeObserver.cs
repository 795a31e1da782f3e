using Microsoft.AspNetCore.Http;

namespace Proxy.Http;

/// <summary>Told when a request handled by the proxy ended, with its final <see cref="RequestOutcome"/> (logging, tests).</summary>
internal interface IRequestOutcomeObserver
{
    void Completed(HttpContext context, RequestOutcome outcome);
}
