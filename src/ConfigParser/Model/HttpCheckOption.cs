using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`option httpchk [METHOD] [URI] [VERSION]`, or `option httpchk URI` (haproxy 2.6 §4.2).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Arguments">The words after the name.</param>
/// <param name="Method">The method; OPTIONS by default.</param>
/// <param name="Uri">The URI; "/" by default.</param>
/// <param name="Version">The HTTP version; null for HTTP/1.0.</param>
public sealed record HttpCheckOption(SourceLocation Location, IReadOnlyList<string> Arguments, string Method, string Uri, string? Version)
    : ProxyOption(Location, "httpchk", true, Arguments);
