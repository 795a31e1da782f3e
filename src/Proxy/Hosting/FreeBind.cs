using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Proxy.Hosting;

/// <summary>
/// Kestrel's listen socket with IP_FREEBIND (level SOL_IP 0, option 15; IPV6_FREEBIND level 41 option 78) set before
/// bind(), so a frontend can bind a VRRP virtual address this node does not hold yet, as HAProxy does with
/// `transparent`/`freebind` or net.ipv4.ip_nonlocal_bind.
/// </summary>
internal static class FreeBind
{
    public static Socket CreateBoundListenSocket(EndPoint endpoint)
    {
        if (endpoint is IPEndPoint ip && OperatingSystem.IsLinux())
        {
            var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                var on = BitConverter.GetBytes(1);
                if (ip.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    socket.SetRawSocketOption(41, 78, on);
                    if (ip.Address.Equals(IPAddress.IPv6Any))
                    {
                        socket.DualMode = true;
                    }
                }
                else
                {
                    socket.SetRawSocketOption(0, 15, on);
                }

                // What SocketTransportOptions.CreateDefaultBoundListenSocket does for IP endpoints.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(ip);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        return SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
    }
}
