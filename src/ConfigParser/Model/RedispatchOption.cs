using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`[no] option redispatch [INTERVAL]`: retry on another server after a failed connection (haproxy 2.6 §4.2).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Enabled">False for `no option redispatch`.</param>
/// <param name="Arguments">The words after the name.</param>
/// <param name="Interval">Redispatch on every Nth retry (negative: the Nth retry before the last; 0: never); -1 (the last retry) by default.</param>
public sealed record RedispatchOption(SourceLocation Location, bool Enabled, IReadOnlyList<string> Arguments, int Interval)
    : ProxyOption(Location, "redispatch", Enabled, Arguments);
