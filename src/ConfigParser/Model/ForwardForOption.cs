using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`option forwardfor|originalto [except NET] [header NAME] [if-none]` (haproxy 2.6 §4.2).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Name">"forwardfor" or "originalto".</param>
/// <param name="Arguments">The words after the name.</param>
/// <param name="Except">`except NET[/MASK]`: sources that get no header; null when unset.</param>
/// <param name="Header">`header NAME`: the header's name; null for the default (X-Forwarded-For / X-Original-To).</param>
/// <param name="IfNone">`if-none`: only add the header when the request has none.</param>
public sealed record ForwardForOption(SourceLocation Location, string Name, IReadOnlyList<string> Arguments, string? Except, string? Header, bool IfNone)
    : ProxyOption(Location, Name, true, Arguments);
