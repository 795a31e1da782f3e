namespace Vrrp.Tracking;

/// <summary>Runs a command line and reports its exit code (null when it timed out and was killed, or failed to start).</summary>
public interface IScriptRunner
{
    /// <summary>Runs <paramref name="command"/> with /bin/sh -c, appending <paramref name="arguments"/> as "$@".</summary>
    Task<int?> RunAsync(string command, IReadOnlyList<string> arguments, string? user, string? group, TimeSpan timeout, CancellationToken cancellationToken);
}
