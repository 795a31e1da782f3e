using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Proxy.Http;

namespace Proxy.FunctionalTests.Common;

/// <summary>Collects every request's <see cref="RequestOutcome"/> as the proxy finishes it.</summary>
internal sealed class OutcomeRecorder : IRequestOutcomeObserver
{
    private readonly ConcurrentQueue<(string Path, RequestOutcome Outcome)> _outcomes = new();

    public void Completed(HttpContext context, RequestOutcome outcome) => _outcomes.Enqueue((context.Request.Path.Value ?? "", outcome));

    /// <summary>
    /// The outcome of the request for <paramref name="path"/>. The proxy records it after the response was sent, so
    /// this polls for it, bounded by 10 s.
    /// </summary>
    public async Task<RequestOutcome> ForAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (recorded, outcome) in _outcomes)
            {
                if (recorded == path)
                {
                    return outcome;
                }
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"no outcome recorded for {path}");
    }
}
