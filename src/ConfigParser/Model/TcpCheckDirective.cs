using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// One `tcp-check VERB ARGS…` line of a backend (haproxy 2.6 configuration.txt §4.2 `tcp-check`), in order, the
/// defaults section's first. The health-check runtime reads `connect`, `send`, `send-binary`, `expect` and `comment`.
/// </summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Verb">`connect`, `send`, `send-binary`, `expect`, `comment`, `set-var(…)` …</param>
/// <param name="Arguments">The words after the verb, as written (escapes resolved).</param>
public sealed record TcpCheckDirective(SourceLocation Location, string Verb, IReadOnlyList<string> Arguments);
