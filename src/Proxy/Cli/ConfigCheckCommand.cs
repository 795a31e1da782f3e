using System.Text.Json;
using ConfigParser.Diagnostics;
using ConfigParser.Keepalived;
using Proxy.Diagnostics;

namespace Proxy.Cli;

/// <summary>
/// `proxy -c`: prints what `haproxy -c` prints (haproxy 2.6, ../shared/spec/haproxy-2.6.md §5.6) and, with `-k`,
/// keepalived.conf's messages in keepalived's own "(FILE: Line N)" form; returns the exit code. With `--json`,
/// every diagnostic as a JSON array on stdout instead.
/// </summary>
internal static class ConfigCheckCommand
{
    public static int Run(CommandLineOptions options, CheckReport report, TextWriter stdout, TextWriter stderr, int pid)
    {
        var exitCode = !report.IsValid ? ExitCodes.Failure : report.WillListen ? ExitCodes.Success : ExitCodes.NoListener;
        if (options.Quiet)
        {
            return exitCode;
        }

        if (options.Json)
        {
            stdout.WriteLine(ToJson(report));
            return exitCode;
        }

        WriteDiagnostics(report, new HaproxyMessageWriter(stderr, pid));
        if (report.IsValid)
        {
            if (report.HasWarnings)
            {
                stdout.WriteLine("Warnings were found.");
            }

            stdout.WriteLine(report.WillListen
                ? "Configuration file is valid"
                : "Configuration file has no error but will not start (no listener) => exit(2).");
        }

        return exitCode;
    }

    /// <summary>The banner, then every diagnostic: haproxy.cfg's in haproxy's form, keepalived.conf's in keepalived's.</summary>
    public static void WriteDiagnostics(CheckReport report, HaproxyMessageWriter writer)
    {
        if (!report.HasMessages)
        {
            return;
        }

        PrintBanner(writer);
        foreach (var diagnostic in report.Haproxy)
        {
            writer.Write(diagnostic);
        }

        foreach (var diagnostic in report.Keepalived)
        {
            // keepalived -t fails on any message, so under a failing check each one is an error.
            var severity = !report.KeepalivedValid && diagnostic.Severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Alert : diagnostic.Severity;
            writer.Write(severity, KeepalivedDiagnosticFormat.Render(diagnostic), context: "keepalived");
        }
    }

    /// <summary>haproxy 2.6 prints these two notices once, before its first warning or alert.</summary>
    public static void PrintBanner(HaproxyMessageWriter writer)
    {
        writer.Write(DiagnosticSeverity.Notice, $"proxy version is {VersionInfo.Version}", context: null);
        writer.Write(DiagnosticSeverity.Notice, $"path to executable is {Environment.ProcessPath}", context: null);
    }

    private static string ToJson(CheckReport report)
        => JsonSerializer.Serialize(new
        {
            valid = report.IsValid,
            diagnostics = report.Haproxy.Select(d => Item(d, "haproxy", d.Text))
                .Concat(report.Keepalived.Select(d => Item(d, "keepalived", KeepalivedDiagnosticFormat.Render(d)))),
        }, JsonOptions);

    private static object Item(ConfigDiagnostic d, string source, string text) => new
    {
        source,
        file = d.Location?.File,
        line = d.Location?.Line,
        severity = d.Severity.ToString().ToLowerInvariant(),
        keyword = d.Keyword,
        message = d.Message,
        text,
    };

    // Relaxed escaping keeps HAProxy's quotes readable ('x' rather than \u0027x\u0027); the output is never embedded in HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
