using System.Diagnostics;

namespace Vrrp.Tracking;

/// <summary>
/// Runs scripts as child processes, never on the state machine's thread. A script still running at its timeout is
/// killed with its children (keepalived vrrp_script `timeout`). `script_user` is honoured through runuser(1) when we
/// are root and the user is not root (.NET cannot setuid a child).
/// </summary>
public sealed class ProcessScriptRunner : IScriptRunner
{
    /// <inheritdoc/>
    public async Task<int?> RunAsync(string command, IReadOnlyList<string> arguments, string? user, string? group, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // keepalived runs scripts with stdin/stdout/stderr on /dev/null: their output is not ours to print.
        var start = new ProcessStartInfo { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (user is not null && user != "root" && Environment.IsPrivilegedProcess && File.Exists("/usr/sbin/runuser"))
        {
            start.FileName = "/usr/sbin/runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(user);
            if (group is not null)
            {
                start.ArgumentList.Add("-g");
                start.ArgumentList.Add(group);
            }

            start.ArgumentList.Add("--");
            start.ArgumentList.Add("/bin/sh");
        }
        else
        {
            start.FileName = "/bin/sh";
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(arguments.Count == 0 ? command : command + " \"$@\"");
        if (arguments.Count > 0)
        {
            start.ArgumentList.Add("sh");
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, cancellationToken);
            _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                return process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
        }
    }
}
