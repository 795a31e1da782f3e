using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Sections;

/// <summary>
/// Keywords HAProxy 2.6 accepts that this proxy does not run yet: accepted (the file stays valid, as with
/// haproxy -c) with a warning naming the keyword, so nobody believes the setting is applied.
/// </summary>
internal static class UnimplementedKeyword
{
    /// <summary>Keywords whose second word names the directive ("option httplog", "http-request deny", "stats uri").</summary>
    private static readonly HashSet<string> TwoWordKeywords = new(StringComparer.Ordinal)
    {
        "option", "http-request", "http-response", "http-after-response", "tcp-request", "tcp-response", "stats",
        "http-check", "tcp-check", "timeout", "capture", "stick", "monitor", "compression", "external-check",
        "email-alert", "http-error", "filter",
    };

    /// <summary>The directive's name as written: the keyword, plus its second word for multi-word directives.</summary>
    public static string NameOf(ConfigLine line) =>
        TwoWordKeywords.Contains(line.Keyword) && line[1].Length > 0 ? $"{line.Keyword} {line[1]}" : line.Keyword;

    /// <summary>Reports "'KEYWORD' is not implemented by this proxy yet; it is ignored." at the line.</summary>
    public static void Warn(ConfigLine line, DiagnosticBag diagnostics) => Warn(line.Location, NameOf(line), line.Keyword, diagnostics);

    /// <summary>Reports that <paramref name="directive"/> (as written) is accepted but not run, tagging the diagnostic with it.</summary>
    public static void Warn(SourceLocation at, string directive, string keyword, DiagnosticBag diagnostics) =>
        diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, at, $"'{directive}' is not implemented by this proxy yet; it is ignored.", keyword)
        {
            Unimplemented = directive,
        });

    /// <summary>A keyword-table handler that only warns.</summary>
    public static void Handle<TSection>(KeywordContext<TSection> c) => Warn(c.Line, c.Diagnostics);
}
