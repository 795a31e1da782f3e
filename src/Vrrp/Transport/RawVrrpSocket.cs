using System.Net;
using System.Runtime.InteropServices;
using System.Net.Sockets;
using Vrrp.Protocol;

namespace Vrrp.Transport;

/// <summary>
/// IPv4 VRRP over a raw protocol-112 socket (../shared/spec/vrrp.md ".NET 10 notes"): libc socket() wrapped in a
/// managed Socket; joined to 224.0.0.18 on the interface with IP_MULTICAST_ALL off and SO_BINDTODEVICE so only this
/// interface's adverts arrive; sent with TTL 255, TOS 0xc0, loopback off. With unicast peers, adverts go to each peer.
/// </summary>
public sealed class RawVrrpSocket : IAdvertChannel
{
    private readonly Socket _receive;
    private readonly Socket _send;
    private readonly IReadOnlyList<IPAddress> _peers;
    private readonly EndPoint _any = new IPEndPoint(IPAddress.Any, 0);

    /// <summary>Opens the sockets on <paramref name="iface"/>; throws SocketException when the OS refuses.</summary>
    public RawVrrpSocket(InterfaceInfo iface, IPAddress localAddress, IReadOnlyList<IPAddress> unicastPeers)
    {
        LocalAddress = localAddress;
        _peers = unicastPeers;
        Destination = IPAddress.Parse(VrrpConstants.IPv4Multicast);
        _receive = Open(iface.Name);
        _send = Open(iface.Name);
        if (unicastPeers.Count == 0)
        {
            _receive.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(Destination, iface.Index));
        }

        _send.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, VrrpConstants.Ttl);
        _send.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.IpTimeToLive, VrrpConstants.Ttl);
        _send.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.TypeOfService, 0xc0);
        _send.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, false);
        _send.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.HostToNetworkOrder(iface.Index));
        // Bound to our address, the send socket fixes the advert's source (primary or unicast_src_ip) and, being
        // bound, receives nothing addressed to the group (unicast adverts it may queue are never read; the kernel
        // drops them once its small buffer is full).
        _send.Bind(new IPEndPoint(localAddress, 0));
        _send.ReceiveBufferSize = 256;
    }

    /// <inheritdoc/>
    public IPAddress LocalAddress { get; }

    /// <inheritdoc/>
    public IPAddress Destination { get; }

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> message)
    {
        if (_peers.Count == 0)
        {
            _send.SendTo(message, SocketFlags.None, new IPEndPoint(Destination, 0));
            return;
        }

        foreach (var peer in _peers)
        {
            _send.SendTo(message, SocketFlags.None, new IPEndPoint(peer, 0));
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ReceivedAdvert> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _receive.ReceiveFromAsync(buffer, SocketFlags.None, _any, cancellationToken).ConfigureAwait(false);
        // Raw IPv4 sockets deliver the IP header: the TTL check needs it (RFC 5798 §7.1).
        if (!Ipv4Header.TryParse(buffer.Span[..result.ReceivedBytes], out var ttl, out var protocol, out var source, out var destination, out var offset, out var length)
            || protocol != VrrpConstants.IpProtocol)
        {
            return new ReceivedAdvert(false, 0, ((IPEndPoint)result.RemoteEndPoint).Address, IPAddress.None, 0, 0);
        }

        return new ReceivedAdvert(true, ttl, source, destination, offset, length);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _receive.Dispose();
        _send.Dispose();
    }

    private static Socket Open(string iface)
    {
        // new Socket(InterNetwork, Raw, 112) throws on Linux (.NET 10): create the fd in libc and wrap it.
        var fd = Interop.socket(Interop.AfInet, Interop.SockRaw | Interop.SockCloexec, VrrpConstants.IpProtocol);
        if (fd < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        var socket = new Socket(new SafeSocketHandle(fd, ownsHandle: true));
        socket.SetRawSocketOption(Interop.SolIp, Interop.IpMulticastAll, BitConverter.GetBytes(0));
        socket.SetRawSocketOption(Interop.SolSocket, Interop.SoBindToDevice, System.Text.Encoding.ASCII.GetBytes(iface + "\0"));
        return socket;
    }
}
