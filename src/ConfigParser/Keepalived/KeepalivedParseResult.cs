using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived;

/// <summary>The outcome of loading a keepalived.conf: the model and every diagnostic, in keepalived's order.</summary>
/// <param name="Config">The configuration as keepalived would run it (empty when the main file cannot be read).</param>
/// <param name="Diagnostics">Every message keepalived 2.2.7 would print while checking the file.</param>
public sealed record KeepalivedParseResult(KeepalivedConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    /// <summary>
    /// True when `keepalived -t` would exit 0: it fails on any reported configuration problem, warnings included
    /// (observed with 2.2.7), so this is "a config and no warning or alert". The only notice is an unreadable main
    /// file, which keepalived reports and still accepts (observed: exit 0).
    /// </summary>
    public bool WouldPassKeepalivedCheck => Config is not null && Diagnostics.All(d => d.Severity == DiagnosticSeverity.Notice);

    /// <summary>Same verdict as <see cref="WouldPassKeepalivedCheck"/>.</summary>
    public bool IsValid => WouldPassKeepalivedCheck;

    /// <summary>True when keepalived would still start with this file: a config and no alert (invalid value).</summary>
    public bool IsUsable => Config is not null && !Diagnostics.Any(d => d.IsFatal);

    /// <summary>The diagnostics as keepalived prints them (<see cref="KeepalivedDiagnosticFormat"/>).</summary>
    public IEnumerable<string> Messages => Diagnostics.Select(KeepalivedDiagnosticFormat.Render);
}
