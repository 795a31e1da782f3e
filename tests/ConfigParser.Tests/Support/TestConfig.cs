using ConfigParser.Diagnostics;

namespace ConfigParser.Tests.Support;

/// <summary>
/// Runs configuration text through the loader and renders diagnostics the way `haproxy -c` prints them after
/// "[LEVEL] (pid) : config : ", so expected values can be pasted from real HAProxy 2.6.12 output.
/// </summary>
internal static class TestConfig
{
    /// <summary>The name diagnostics give the text, as if it were `haproxy -c -f t.cfg`.</summary>
    public const string FileName = "t.cfg";

    /// <summary>Joins lines with LF and ends the text with LF, as every well-formed file does.</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>Parses one file's text with an empty environment (no variable is set).</summary>
    public static ParseResult Parse(string text, Func<string, string?>? environment = null)
        => HaproxyConfigLoader.Parse([new ConfigSource(FileName, text)], environment ?? (_ => null));

    /// <summary>Every diagnostic as "[ALERT] text", "[WARNING] text" or "[NOTICE] text", in order.</summary>
    public static string[] Messages(this ParseResult result) => Render(result.Diagnostics);

    /// <summary>Same as <see cref="Messages(ParseResult)"/> for a bag filled by a single parser.</summary>
    public static string[] Messages(this DiagnosticBag diagnostics) => Render(diagnostics.Items);

    private static string[] Render(IEnumerable<ConfigDiagnostic> diagnostics) =>
    [
        .. diagnostics.Select(d => d.Severity switch
        {
            DiagnosticSeverity.Alert => "[ALERT] ",
            DiagnosticSeverity.Warning => "[WARNING] ",
            _ => "[NOTICE] ",
        } + d.Text),
    ];
}
