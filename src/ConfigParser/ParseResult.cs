using ConfigParser.Diagnostics;
using ConfigParser.Model;

namespace ConfigParser;

/// <summary>The outcome of loading a configuration: the model when it is valid, and every diagnostic.</summary>
/// <param name="Config">The configuration; null when any alert was raised.</param>
/// <param name="Diagnostics">Every notice, warning and alert, in HAProxy's order, closing lines included.</param>
public sealed record ParseResult(HaproxyConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    /// <summary>True when the configuration is valid (no alert).</summary>
    public bool IsValid => Config is not null;

    /// <summary>True when at least one warning was raised.</summary>
    public bool HasWarnings => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning);
}
