using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Sections;

/// <summary>
/// What a keyword handler receives: the line (without its `no`/`default` prefix), the section being built, where
/// to report, and the prefix that was stripped.
/// </summary>
internal sealed record KeywordContext<TSection>(ConfigLine Line, TSection Section, DiagnosticBag Diagnostics,
    KeywordModifier Modifier = KeywordModifier.None)
{
    public SourceLocation At => Line.Location;

    /// <summary>Says whether a host name resolves (the network is injected; the system resolver by default).</summary>
    public Func<string, bool> ResolvesHost { get; init; } = Resolution.HostNameResolver.Resolves;

    /// <summary>See <see cref="ArgumentLimit.Exceeded"/>: true (after an alert) when more than <paramref name="max"/> arguments follow.</summary>
    public bool TooManyArguments(int max) => ArgumentLimit.Exceeded(Line, max, Diagnostics);
}
