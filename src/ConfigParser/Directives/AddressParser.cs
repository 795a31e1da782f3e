using System.Net;
using System.Net.Sockets;

namespace ConfigParser.Directives;

/// <summary>
/// Splits "host:port" as HAProxy 2.6 does (src/tools.c str2sa_range): the port follows the last colon unless a
/// ']' comes after it, so bare IPv6 addresses work and "[v6]:port" is accepted too.
/// </summary>
internal static class AddressParser
{
    /// <summary>
    /// Splits <paramref name="text"/> into the host as written and the port text after the last colon (null when
    /// there is no port separator, e.g. "host" or "[::1]").
    /// </summary>
    public static (string Host, string? Port) Split(string text)
    {
        var separator = text.LastIndexOfAny([':', ']']);
        return separator >= 0 && text[separator] == ':' ? (text[..separator], text[(separator + 1)..]) : (text, null);
    }

    /// <summary>"[::1]" → "::1"; any other host is returned as it is ("[]" included, which is then invalid).</summary>
    public static string Unbracket(string host)
        => host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;

    /// <summary>
    /// False for a host that can be neither an address nor a name: HAProxy would fail to parse or resolve it
    /// ("[]", ":", "1.2.3.4:80", "999.1.1.1"). Names are not resolved here; that is left to whoever binds.
    /// </summary>
    public static bool IsPlausibleHost(string host)
    {
        if (host.Length == 0 || host == "*")
        {
            return true;
        }

        if (host.Contains('[') || host.Contains(']'))
        {
            // Brackets only ever enclose a whole numeric address ("[::1]", and "[1.2.3.4]" works too).
            var bare = Unbracket(host);
            return bare != host && IPAddress.TryParse(bare, out _);
        }

        if (host.Contains(':'))
        {
            return IsIPv6(host);
        }

        // All digits and dots: it must be a numeric address (inet_aton forms such as "127.1" included).
        return !host.All(c => char.IsAsciiDigit(c) || c == '.') || IPAddress.TryParse(host, out _);
    }

    private static bool IsIPv6(string text)
        => IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
}
