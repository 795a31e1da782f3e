using System.Diagnostics;

namespace Vrrp.FunctionalTests.Common;

/// <summary>Runs short commands (ip, kill) with a bounded wait.</summary>
internal static class Shell
{
    public static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 10 s");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public static string Ip(params string[] arguments)
    {
        var (code, output) = Run("ip", arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed: {output}");
        }

        return output;
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds or <paramref name="limit"/> passes; returns the elapsed time or null.</summary>
    public static TimeSpan? WaitFor(Func<bool> condition, TimeSpan limit, Stopwatch? since = null)
    {
        var clock = since ?? Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (condition())
            {
                return clock.Elapsed;
            }

            Thread.Sleep(20);
        }

        return condition() ? clock.Elapsed : null;
    }
}
