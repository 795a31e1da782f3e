using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>A notify script line (`notify_master "/path arg"` …): the command line and where it was given.</summary>
/// <param name="Command">The command line, quotes removed.</param>
/// <param name="Location">Where the line is.</param>
public sealed record NotifyScript(string Command, SourceLocation Location);
