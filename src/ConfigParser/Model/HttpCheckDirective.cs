using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// One `http-check VERB ARGS…` line of a backend (haproxy 2.6 configuration.txt §4.2 `http-check`), in order, the
/// defaults section's first. The health-check runtime reads `send`, `expect`, `disable-on-404` and `send-state`.
/// </summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Verb">`send`, `expect`, `disable-on-404`, `send-state`, `connect`, `comment`, `set-var(…)` …</param>
/// <param name="Arguments">The words after the verb, as written.</param>
public sealed record HttpCheckDirective(SourceLocation Location, string Verb, IReadOnlyList<string> Arguments);
