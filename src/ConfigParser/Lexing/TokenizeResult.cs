namespace ConfigParser.Lexing;

/// <summary>The words of one line, or what was wrong with it.</summary>
/// <param name="Words">The words found (possibly truncated when <paramref name="Error"/> is set).</param>
/// <param name="Error">HAProxy's wording of the problem, or null.</param>
/// <param name="Position">0-based column of the problem.</param>
internal sealed record TokenizeResult(IReadOnlyList<string> Words, string? Error, int Position)
{
    public static TokenizeResult Failure(string error, int position) => new([], error, position);
}
