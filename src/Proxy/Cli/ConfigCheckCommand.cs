using System.Text.Json;
using ConfigParser;
using ConfigParser.Diagnostics;
using Proxy.Diagnostics;

namespace Proxy.Cli;

/// <summary>
/// `proxy -c`: prints what `haproxy -c` prints (haproxy 2.6, ../shared/spec/haproxy-2.6.md §5.6) and returns
/// the exit code; with `--json`, every diagnostic as a JSON array on stdout instead.
/// </summary>
internal static class ConfigCheckCommand
{
    /// <param name="options">The command line.</param>
    /// <param name="diagnostics">Everything the parser and the runtime builder reported.</param>
    /// <param name="valid">False when any alert makes the configuration unusable.</param>
    /// <param name="willListen">False when a valid configuration opens no listener (and no VRRP work is given).</param>
    /// <param name="stdout">Where the verdict goes.</param>
    /// <param name="stderr">Where the diagnostics go.</param>
    /// <param name="pid">The process id printed in each message.</param>
    public static int Run(CommandLineOptions options, IReadOnlyList<ConfigDiagnostic> diagnostics, bool valid, bool willListen,
        TextWriter stdout, TextWriter stderr, int pid)
    {
        var exitCode = !valid ? ExitCodes.Failure : willListen ? ExitCodes.Success : ExitCodes.NoListener;
        if (options.Quiet)
        {
            return exitCode;
        }

        if (options.Json)
        {
            stdout.WriteLine(ToJson(diagnostics, valid));
            return exitCode;
        }

        if (diagnostics.Count > 0)
        {
            PrintBanner(new HaproxyMessageWriter(stderr, pid));
        }

        var writer = new HaproxyMessageWriter(stderr, pid);
        foreach (var diagnostic in diagnostics)
        {
            writer.Write(diagnostic);
        }

        if (valid)
        {
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning))
            {
                stdout.WriteLine("Warnings were found.");
            }

            stdout.WriteLine(willListen
                ? "Configuration file is valid"
                : "Configuration file has no error but will not start (no listener) => exit(2).");
        }

        return exitCode;
    }

    /// <summary>haproxy 2.6 prints these two notices once, before its first warning or alert.</summary>
    public static void PrintBanner(HaproxyMessageWriter writer)
    {
        writer.Write(DiagnosticSeverity.Notice, $"proxy version is {VersionInfo.Version}", context: null);
        writer.Write(DiagnosticSeverity.Notice, $"path to executable is {Environment.ProcessPath}", context: null);
    }

    private static string ToJson(IReadOnlyList<ConfigDiagnostic> diagnostics, bool valid)
        => JsonSerializer.Serialize(new
        {
            valid,
            diagnostics = diagnostics.Select(d => new
            {
                file = d.Location?.File,
                line = d.Location?.Line,
                severity = d.Severity.ToString().ToLowerInvariant(),
                keyword = d.Keyword,
                message = d.Message,
                text = d.Text,
            }),
        }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
