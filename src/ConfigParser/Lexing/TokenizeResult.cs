namespace ConfigParser.Lexing;

/// <summary>The words of one line, or what was wrong with it.</summary>
/// <param name="Words">The words found; when <paramref name="Error"/> is set the line must be skipped.</param>
/// <param name="Error">HAProxy's wording of the problem (the text after "parsing [file:line]: "), or null.</param>
/// <param name="Position">0-based index in the line of the character the problem is about.</param>
internal sealed record TokenizeResult(IReadOnlyList<string> Words, string? Error, int Position)
{
    /// <summary>True when the line ends with an empty word that is not an argument (trailing blanks, or "" last).</summary>
    public bool EndsWithEmptyWord { get; init; }

    /// <summary>Index of the '}' of the first "${NAME-default}" expanded, or -1 (see ConfigFileReader.OutputBuffer).</summary>
    public int FirstDefaultEnd { get; init; } = -1;

    public static TokenizeResult Failure(string error, int position) => new([], error, position);
}
