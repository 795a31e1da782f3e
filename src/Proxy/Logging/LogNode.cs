namespace Proxy.Logging;

/// <summary>
/// One element of a compiled log format: text as written, a separator (a run of spaces, emitted once, and not
/// after a field that produced nothing), a `%` variable with its flags, or a `%[sample]` expression.
/// </summary>
/// <param name="Kind">What the node is.</param>
/// <param name="Text">The literal text, the variable's name, or the sample expression.</param>
/// <param name="Quote">`+Q`: wrap in double quotes.</param>
/// <param name="Hex">`+X`: numbers in upper-case hexadecimal.</param>
/// <param name="Escape">`+E`: escape `"`, `\` and `]` with a backslash.</param>
/// <param name="Sample">The compiled sample expression for <see cref="LogNodeKind.Sample"/>.</param>
internal sealed record LogNode(LogNodeKind Kind, string Text, bool Quote = false, bool Hex = false, bool Escape = false, LogSample? Sample = null);

/// <summary>The kinds of <see cref="LogNode"/>.</summary>
internal enum LogNodeKind
{
    /// <summary>Text copied as is.</summary>
    Literal,

    /// <summary>One space, at most once in a row.</summary>
    Separator,

    /// <summary>A `%name` variable.</summary>
    Variable,

    /// <summary>A `%[fetch,converter…]` expression.</summary>
    Sample,
}
