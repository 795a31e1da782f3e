using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A global `stats socket ADDRESS [bind settings…]` line: the runtime API's listener (haproxy 2.6 management.txt §9.3).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Address">A UNIX socket path or an address such as "ipv4@127.0.0.1:9999", as written.</param>
/// <param name="Settings">The words after the address (mode, level, expose-fd …), as written.</param>
public sealed record StatsSocketDefinition(SourceLocation Location, string Address, IReadOnlyList<string> Settings);
