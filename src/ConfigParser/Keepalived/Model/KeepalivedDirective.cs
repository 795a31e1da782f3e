using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>One keepalived.conf line as read, with the lines of its `{ }` block when it opened one.</summary>
/// <param name="Keyword">The first word.</param>
/// <param name="Arguments">The following words, quotes removed.</param>
/// <param name="Location">Where the line is.</param>
/// <param name="Children">The block's lines; empty when the line opened no block.</param>
public sealed record KeepalivedDirective(
    string Keyword,
    IReadOnlyList<string> Arguments,
    SourceLocation Location,
    IReadOnlyList<KeepalivedDirective> Children)
{
    /// <summary>Where the block's closing `}` is (null for a line without a block, or a block left open).</summary>
    public SourceLocation? End { get; init; }
}
