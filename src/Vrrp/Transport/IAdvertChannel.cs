using System.Net;

namespace Vrrp.Transport;

/// <summary>Sends and receives VRRP messages of one instance (multicast or unicast peers).</summary>
public interface IAdvertChannel : IDisposable
{
    /// <summary>The source address our adverts carry (primary address or unicast_src_ip).</summary>
    IPAddress LocalAddress { get; }

    /// <summary>The destination of our multicast adverts (for the v3 pseudo-header).</summary>
    IPAddress Destination { get; }

    /// <summary>Sends one VRRP message to the group or to every peer.</summary>
    void Send(ReadOnlySpan<byte> message);

    /// <summary>Receives one VRRP message: TTL, source, destination, and where the message lies in <paramref name="buffer"/>.</summary>
    ValueTask<ReceivedAdvert> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
