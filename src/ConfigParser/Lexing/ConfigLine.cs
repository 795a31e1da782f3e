using ConfigParser.Diagnostics;

namespace ConfigParser.Lexing;

/// <summary>One non-empty statement of a configuration file: its words and where it stands.</summary>
public sealed record ConfigLine(SourceLocation Location, IReadOnlyList<string> Words)
{
    /// <summary>The first word.</summary>
    public string Keyword => Words[0];

    /// <summary>Word <paramref name="index"/>, or the empty string past the end (HAProxy's args[] are padded likewise).</summary>
    public string this[int index] => index < Words.Count ? Words[index] : "";

    /// <summary>Number of words, keyword included.</summary>
    public int Count => Words.Count;
}
