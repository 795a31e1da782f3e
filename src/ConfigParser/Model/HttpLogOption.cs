using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`option httplog [clf]`, `option httpslog` or `option tcplog`: the log format family (haproxy 2.6 §8.2).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Name">"httplog", "httpslog" or "tcplog".</param>
/// <param name="Arguments">The words after the name.</param>
/// <param name="CommonLogFormat">`clf`: the Common Log Format variant of httplog.</param>
public sealed record HttpLogOption(SourceLocation Location, string Name, IReadOnlyList<string> Arguments, bool CommonLogFormat)
    : ProxyOption(Location, Name, true, Arguments);
