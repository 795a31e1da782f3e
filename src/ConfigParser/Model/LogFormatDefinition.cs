using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// `log-format STRING` (haproxy 2.6 §8.2.4): the custom access-log layout of a frontend, kept as written; the proxy
/// compiles it (and reports an unknown `%` variable at <paramref name="Location"/>) when it builds the runtime.
/// </summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Text">The format string, quotes removed.</param>
public sealed record LogFormatDefinition(SourceLocation Location, string Text);
