using System.Net;
using System.Net.Sockets;

namespace ConfigParser.Resolution;

/// <summary>
/// Whether a server's host name resolves, as haproxy 2.6 checks it when it starts (src/server.c srv_init_addr with
/// the default `init-addr last,libc`): through the system resolver, once per name. This is the default of the
/// loaders' injectable host check; tests pass their own so that parsing never waits on DNS.
/// </summary>
internal static class HostNameResolver
{
    /// <summary>True when <paramref name="host"/> is an address literal or resolves to at least one address.</summary>
    public static bool Resolves(string host)
    {
        if (host.Length == 0 || host == "*" || IPAddress.TryParse(host, out _))
        {
            return true;
        }

        try
        {
            return Dns.GetHostAddresses(host).Length > 0;
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return false;
        }
    }
}
