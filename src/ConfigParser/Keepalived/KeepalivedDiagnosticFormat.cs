using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived;

/// <summary>
/// Renders a diagnostic as keepalived 2.2.7 prints it (observed with `keepalived -t -l -D -n`):
/// "(FILE: Line N) message" from the VRRP/checker processes, "(Line N) message" from the parent process, which
/// reads `global_defs` and `include` (marked <see cref="LocationPrefix.Bracket"/>), and the bare message when
/// keepalived gives no location.
/// </summary>
public static class KeepalivedDiagnosticFormat
{
    /// <summary>The line keepalived prints.</summary>
    public static string Render(ConfigDiagnostic diagnostic) => diagnostic.Location switch
    {
        null => diagnostic.Message,
        { } at when diagnostic.Prefix == LocationPrefix.Bracket => $"(Line {at.Line}) {diagnostic.Message}",
        { } at => $"({at.File}: Line {at.Line}) {diagnostic.Message}",
    };
}
