namespace Proxy.Health;

/// <summary>
/// A server's agent loop (haproxy 2.6 `agent-check`): on its own timer (`agent-inter`, else `inter`, with the
/// spread-checks jitter), independent of the regular check; each answer (<see cref="AgentProbe"/>) goes to the server's
/// <see cref="ServerChecker"/>.
/// </summary>
internal sealed class AgentChecker(
    ServerChecker checker,
    Func<CancellationToken, Task<(AgentReply Reply, TimeSpan Duration)?>> ask,
    CheckTiming timing, TimeProvider time, Func<double> random)
{
    // The agent's health counter has rise = fall = 1, so its interval is always `agent-inter`.
    private static readonly HealthCounter Steady = new(1, 1, 1);

    public ServerChecker Checker { get; } = checker;

    public CheckTiming Timing { get; } = timing;

    /// <summary>Runs until cancelled: the first question after <paramref name="firstDelay"/>, then one per interval.</summary>
    public async Task RunAsync(TimeSpan firstDelay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(firstDelay, time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await AskAsync(cancellationToken).ConfigureAwait(false) is { } answer)
                {
                    Checker.ApplyAgent(answer.Reply, answer.Duration);
                }

                await Task.Delay(Timing.NextDelay(Steady, random()), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // A probe that throws (no file descriptor left, …) is an agent that did not answer: the loop never dies.
    private async Task<(AgentReply Reply, TimeSpan Duration)?> AskAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ask(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
