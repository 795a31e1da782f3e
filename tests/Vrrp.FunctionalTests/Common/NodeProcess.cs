using System.Diagnostics;
using System.Text;

namespace Vrrp.FunctionalTests.Common;

/// <summary>
/// A process started inside a namespace with `ip netns exec` (which execs, so the PID is the program's): our
/// `dotnet proxy.dll -k FILE` or keepalived. Output is collected; signals go to this PID only.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(string ns, string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "netns", "exec", ns, file }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static NodeProcess Proxy(string ns, string keepalivedConf, params string[] more)
        => new(ns, "dotnet", [Path.Combine(AppContext.BaseDirectory, "proxy.dll"), "-k", keepalivedConf, .. more]);

    public static NodeProcess Command(string ns, string file, params string[] arguments) => new(ns, file, arguments);

    public static NodeProcess Keepalived(string ns, string conf, string runDirectory)
        => new(ns, "/usr/sbin/keepalived", ["-n", "-l", "-D", "-P", "-f", conf,
            "-p", Path.Combine(runDirectory, "ka.pid"), "-r", Path.Combine(runDirectory, "ka.vrrp.pid"), "-c", Path.Combine(runDirectory, "ka.chk.pid")]);

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
    }

    /// <summary>SIGTERM to this PID.</summary>
    public void Terminate() => Shell.Run("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public bool WaitForExit(TimeSpan limit) => _process.WaitForExit(limit);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // keepalived's children (VRRP, checker) follow their parent on SIGTERM; give it a moment, then force.
            Terminate();
            if (!_process.WaitForExit(3000))
            {
                Kill();
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
