using System.Net;
using System.Net.Sockets;

namespace Vrrp.Arp;

/// <summary>
/// A sockaddr_ll for AF_PACKET SendTo (packet(7)): ethertype big-endian at byte 2, interface index at byte 4
/// (../shared/spec/vrrp.md ".NET 10 notes").
/// </summary>
internal sealed class LinkLayerEndPoint(int interfaceIndex, ushort etherType) : EndPoint
{
    public override AddressFamily AddressFamily => AddressFamily.Packet;

    public override SocketAddress Serialize()
    {
        var address = new SocketAddress(AddressFamily.Packet, 20);
        address[2] = (byte)(etherType >> 8);
        address[3] = (byte)etherType;
        BitConverter.TryWriteBytes(address.Buffer.Span[4..8], interfaceIndex);
        return address;
    }

    public override EndPoint Create(SocketAddress socketAddress) => this;
}
