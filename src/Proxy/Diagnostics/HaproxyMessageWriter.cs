using ConfigParser.Diagnostics;

namespace Proxy.Diagnostics;

/// <summary>
/// Writes process messages in haproxy 2.6's stderr form: a level tag padded to 11 columns, the pid, then the
/// text, e.g. "[ALERT]    (1234) : config : parsing [a.cfg:3] : …".
/// </summary>
internal sealed class HaproxyMessageWriter(TextWriter output, int processId)
{
    public void Write(DiagnosticSeverity severity, string text, string? context = "config")
    {
        var tag = severity switch
        {
            DiagnosticSeverity.Alert => "[ALERT]",
            DiagnosticSeverity.Warning => "[WARNING]",
            _ => "[NOTICE]",
        };
        var prefix = context is null ? "" : $"{context} : ";
        output.WriteLine($"{tag,-10} ({processId}) : {prefix}{text}");
    }

    public void Write(ConfigDiagnostic diagnostic) => Write(diagnostic.Severity, diagnostic.Text);
}
