using ConfigParser.Diagnostics;

namespace Proxy.Cli;

/// <summary>Everything `proxy -c` decides on: haproxy.cfg's diagnostics and, with `-k`, keepalived.conf's.</summary>
/// <param name="Haproxy">Parser and runtime-builder diagnostics of the -f files, in order.</param>
/// <param name="HaproxyValid">False when an alert makes the haproxy configuration unusable.</param>
/// <param name="WillListen">False when a valid configuration opens no listener and no VRRP work is given.</param>
/// <param name="Keepalived">keepalived.conf's diagnostics (empty without -k).</param>
/// <param name="KeepalivedValid">True when `keepalived -t` would accept the file (it fails on any warning).</param>
internal sealed record CheckReport(
    IReadOnlyList<ConfigDiagnostic> Haproxy,
    bool HaproxyValid,
    bool WillListen,
    IReadOnlyList<ConfigDiagnostic> Keepalived,
    bool KeepalivedValid)
{
    public bool IsValid => HaproxyValid && KeepalivedValid;

    public bool HasWarnings => Haproxy.Concat(Keepalived).Any(d => d.Severity == DiagnosticSeverity.Warning);

    public bool HasMessages => Haproxy.Count + Keepalived.Count > 0;
}
