using ConfigParser;
using ConfigParser.Diagnostics;
using ConfigParser.Keepalived;
using ConfigParser.Model;
using Proxy.Cli;
using Proxy.Runtime;

namespace Proxy.Hosting;

/// <summary>
/// The -f and -k files loaded, the runtime built from them, and the verdict: what `-c` prints and what a start
/// decides on. Under `-c`, what this build cannot run yet is a warning (HAProxy would accept the file); a start
/// refuses it, and also refuses the rules <see cref="StartupPolicy"/> will not skip.
/// </summary>
/// <param name="Config">The parsed haproxy configuration; null when it is invalid.</param>
/// <param name="Keepalived">keepalived.conf as read, or null without -k.</param>
/// <param name="Runtime">What the process would run; null when anything stops a start (or a check).</param>
/// <param name="Report">Every diagnostic and the verdicts.</param>
internal sealed record LoadedConfiguration(HaproxyConfig? Config, KeepalivedParseResult? Keepalived, ProxyRuntime? Runtime, CheckReport Report)
{
    public static LoadedConfiguration Load(CommandLineOptions options)
    {
        var parsed = options.ConfigFiles.Count > 0 ? HaproxyConfigLoader.LoadFiles(options.ConfigFiles) : new ParseResult(new HaproxyConfig(), []);
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in parsed.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        var keepalived = options.KeepalivedFile is { } keepalivedFile ? KeepalivedConfigLoader.LoadFile(keepalivedFile) : null;
        var config = parsed.Config;
        var runtime = config is null
            ? null
            : RuntimeBuilder.Build(config, diagnostics, options.CheckOnly ? DiagnosticSeverity.Warning : DiagnosticSeverity.Alert);
        if (!options.CheckOnly && config is not null)
        {
            foreach (var refusal in StartupPolicy.Blocking(config, diagnostics.Items.ToArray()))
            {
                diagnostics.Add(refusal);
                runtime = null;
            }
        }

        var report = new CheckReport(
            diagnostics.Items,
            runtime is not null,
            // haproxy 2.6 counts every listener, the global `stats socket` included, when it decides "no listener".
            config is not null && (config.Frontends.Any(f => f.Binds.Count > 0) || config.Global.StatsSockets.Count > 0) || keepalived is not null,
            keepalived?.Diagnostics ?? [],
            keepalived?.WouldPassKeepalivedCheck ?? true);
        return new LoadedConfiguration(config, keepalived, runtime, report);
    }
}
