using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Vrrp.Protocol;

namespace Vrrp.Transport;

/// <summary>
/// VRRPv3 over IPv6 (RFC 5798 §5.1.2): raw protocol-112 IPv6 socket, joined to ff02::12 on the interface, hop limit
/// 255, sent from the interface's link-local address (§5.1.2.1). The hop limit of received adverts comes from
/// recvmsg ancillary data (<see cref="Ipv6Receiver"/>).
/// </summary>
public sealed class RawVrrpSocket6 : IAdvertChannel
{
    private readonly Socket _socket;
    private readonly IReadOnlyList<IPAddress> _peers;
    private readonly int _index;

    /// <summary>Opens the socket on <paramref name="iface"/>; throws SocketException when the OS refuses.</summary>
    public RawVrrpSocket6(InterfaceInfo iface, IPAddress localAddress, IReadOnlyList<IPAddress> unicastPeers)
    {
        LocalAddress = localAddress;
        _peers = unicastPeers;
        _index = iface.Index;
        Destination = IPAddress.Parse(VrrpConstants.IPv6Multicast);
        var fd = Interop.socket(Interop.AfInet6, Interop.SockRaw | Interop.SockCloexec, VrrpConstants.IpProtocol);
        if (fd < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _socket = new Socket(new SafeSocketHandle(fd, ownsHandle: true));
        var on = BitConverter.GetBytes(1);
        _socket.SetRawSocketOption(Interop.SolIpv6, Interop.Ipv6MulticastAll, BitConverter.GetBytes(0));
        _socket.SetRawSocketOption(Interop.SolSocket, Interop.SoBindToDevice, System.Text.Encoding.ASCII.GetBytes(iface.Name + "\0"));
        _socket.SetRawSocketOption(Interop.SolIpv6, Interop.Ipv6RecvHopLimit, on);
        _socket.SetRawSocketOption(Interop.SolIpv6, Interop.Ipv6RecvPktInfo, on);
        if (unicastPeers.Count == 0)
        {
            _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(Destination, iface.Index));
        }

        _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, VrrpConstants.Ttl);
        _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.IpTimeToLive, VrrpConstants.Ttl);
        _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, false);
        _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, iface.Index);
        _socket.Bind(new IPEndPoint(localAddress, 0));
    }

    /// <inheritdoc/>
    public IPAddress LocalAddress { get; }

    /// <inheritdoc/>
    public IPAddress Destination { get; }

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> message)
    {
        foreach (var target in _peers.Count == 0 ? [Destination] : _peers)
        {
            var endpoint = target.IsIPv6LinkLocal || target.IsIPv6Multicast ? new IPEndPoint(new IPAddress(target.GetAddressBytes(), _index), 0) : new IPEndPoint(target, 0);
            _socket.SendTo(message, SocketFlags.None, endpoint);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ReceivedAdvert> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Wait for readiness without consuming the datagram, then read it with its ancillary data.
            await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.Peek, cancellationToken).ConfigureAwait(false);
            if (Ipv6Receiver.TryReceive(_socket.Handle, buffer.Span, out var length, out var hopLimit, out var source, out var destination))
            {
                return new ReceivedAdvert(true, hopLimit, source, destination.Equals(IPAddress.IPv6None) ? Destination : destination, 0, length);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();
}
