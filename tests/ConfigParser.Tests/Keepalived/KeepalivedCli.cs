using System.Diagnostics;

namespace ConfigParser.Tests.Keepalived;

/// <summary>Runs the installed keepalived's config check (`keepalived -t -f FILE -l -D -n`), from the file's folder.</summary>
internal static class KeepalivedCli
{
    private static readonly Lazy<bool> s_installed = new(() => Run(null, "-v") is not null);

    /// <summary>True when `keepalived` can be started.</summary>
    public static bool IsInstalled => s_installed.Value;

    /// <summary>`keepalived -t` on the file: exit code and everything it printed; null when it cannot run.</summary>
    public static (int ExitCode, string Output)? Check(string path)
        => Run(Path.GetDirectoryName(path), "-t", "-f", Path.GetFileName(path), "-l", "-D", "-n");

    private static (int, string)? Run(string? workingDirectory, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("keepalived")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(true);
                return null;
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
