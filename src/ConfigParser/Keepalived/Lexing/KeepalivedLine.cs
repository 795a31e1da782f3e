using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Lexing;

/// <summary>One logical line after includes, `@host` filters, `$NAME` expansion, comments and quotes are handled.</summary>
/// <param name="Location">The file (as keepalived names it) and 1-based line.</param>
/// <param name="Words">The words; `{` and `}` are words of their own.</param>
internal sealed record KeepalivedLine(SourceLocation Location, IReadOnlyList<string> Words);
