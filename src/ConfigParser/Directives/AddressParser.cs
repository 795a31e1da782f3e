namespace ConfigParser.Directives;

/// <summary>
/// Splits "host:port" as HAProxy does: the port follows the last colon, so bare IPv6 addresses work, and
/// "[v6]:port" is accepted too (haproxy 2.6 configuration.txt `bind`, `server`).
/// </summary>
internal static class AddressParser
{
    /// <summary>Splits <paramref name="text"/> into a host and the port text after the last colon (null when absent).</summary>
    public static (string Host, string? Port) Split(string text)
    {
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close > 0)
            {
                var host = text[1..close];
                var rest = text[(close + 1)..];
                return (host, rest.StartsWith(':') ? rest[1..] : null);
            }
        }

        var colon = text.LastIndexOf(':');
        return colon < 0 ? (text, null) : (text[..colon], text[(colon + 1)..]);
    }
}
