using System.Diagnostics;

namespace Proxy.FunctionalTests.Corpus;

/// <summary>
/// Runs a checker to completion within a time limit. On time-out only the process started here is killed (with
/// its children, by PID), and the run is reported as timed out instead of failing the whole comparison.
/// </summary>
internal static class CheckRunner
{
    public static async Task<CheckRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }

            await process.WaitForExitAsync();
            return new CheckRun(-1, await stdout, await stderr, TimedOut: true);
        }

        return new CheckRun(process.ExitCode, await stdout, await stderr, TimedOut: false);
    }
}
