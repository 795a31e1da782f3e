using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Sections;

/// <summary>What a keyword handler receives: the line, the section being built, and where to report.</summary>
internal sealed record KeywordContext<TSection>(ConfigLine Line, TSection Section, DiagnosticBag Diagnostics)
{
    public SourceLocation At => Line.Location;

    /// <summary>See <see cref="ArgumentLimit.Exceeded"/>: true (after an alert) when more than <paramref name="max"/> arguments follow.</summary>
    public bool TooManyArguments(int max) => ArgumentLimit.Exceeded(Line, max, Diagnostics);
}
