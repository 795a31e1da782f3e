using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// One error-page line of a proxy, kept in declaration order because a later line for the same status wins
/// (haproxy 2.6: errorfile, errorfiles and errorloc all write the same per-status slot).
/// </summary>
/// <param name="Location">Where the line is.</param>
public abstract record ErrorPageRule(SourceLocation Location);
