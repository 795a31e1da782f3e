using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A `server` line of a backend or listen section.</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Name">The server's name, unique within its backend.</param>
/// <param name="Host">Address or host name as written.</param>
/// <param name="Port">The port; null means "the port the client connected to" (haproxy 2.6 §5.2).</param>
/// <param name="Weight">0 to 256; 1 by default.</param>
public sealed record ServerDefinition(SourceLocation Location, string Name, string Host, int? Port, int Weight)
{
    /// <summary>haproxy 2.6: server `weight` defaults to 1.</summary>
    public const int DefaultWeight = 1;

    /// <summary>haproxy 2.6: weights range from 0 to 256.</summary>
    public const int MaxWeight = 256;
}
