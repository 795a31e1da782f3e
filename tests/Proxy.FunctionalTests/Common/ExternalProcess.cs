using System.Diagnostics;
using System.Text;

namespace Proxy.FunctionalTests.Common;

/// <summary>
/// A child process (our `proxy`, or the real `haproxy`) with its output captured. Only the process this object
/// started is ever killed, by its PID, and always on dispose.
/// </summary>
internal sealed class ExternalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ExternalProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_stdout) { _stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_stderr) { _stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    /// <summary>The child's PID (for /proc sampling).</summary>
    public int Id => _process.Id;

    public static ExternalProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new ExternalProcess(Process.Start(info)!);
    }

    /// <summary>Starts our proxy: `dotnet proxy.dll ARGS`.</summary>
    public static ExternalProcess StartProxy(IEnumerable<string> arguments, string? workingDirectory = null)
        => Start("dotnet", [RepoPaths.ProxyDll, .. arguments], workingDirectory);

    /// <summary>Runs our proxy to completion (bounded) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunProxyAsync(params string[] arguments)
        => await RunAsync("dotnet", [RepoPaths.ProxyDll, .. arguments]);

    /// <summary>Runs a command to completion, at most 60 s.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        using var process = Start(fileName, arguments, workingDirectory);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Waits for exit (bounded); returns the exit code. Fails the test on time-out.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"process {_process.Id} did not exit within {limit}; stderr: {Stderr}");
        }

        // Let the asynchronous readers drain the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
