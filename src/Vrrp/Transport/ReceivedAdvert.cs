using System.Net;

namespace Vrrp.Transport;

/// <summary>A received VRRP message: IP TTL/hop limit, addresses, and the message's place in the receive buffer.</summary>
public readonly record struct ReceivedAdvert(bool Ok, int Ttl, IPAddress Source, IPAddress Destination, int Offset, int Length);
