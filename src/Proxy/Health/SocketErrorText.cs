using System.Net.Sockets;

namespace Proxy.Health;

/// <summary>The strerror() text haproxy 2.6 logs as a layer-4 check's info ("Connection refused").</summary>
internal static class SocketErrorText
{
    public static string Of(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "Connection refused",
        SocketError.HostUnreachable => "No route to host",
        SocketError.NetworkUnreachable => "Network is unreachable",
        SocketError.ConnectionReset => "Connection reset by peer",
        SocketError.AddressNotAvailable => "Cannot assign requested address",
        SocketError.AccessDenied => "Permission denied",
        SocketError.TimedOut => "Connection timed out",
        _ => error.ToString(),
    };
}
