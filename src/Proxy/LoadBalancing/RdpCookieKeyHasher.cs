using System.Text;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance rdp-cookie[(NAME)]` (haproxy 2.6 src/backend.c get_server_rch, src/payload.c rdp_cookie fetch): in the
/// client's first bytes, after the 4-byte TPKT and 7-byte X.224 headers, a line `Cookie: NAME=VALUE\r\n` (keyword
/// and name case-insensitive); VALUE is hashed. Anything else means no key (round robin).
/// </summary>
internal sealed class RdpCookieKeyHasher(string name) : IKeyHasher
{
    private readonly byte[] _name = Encoding.ASCII.GetBytes(name);

    public bool TryHash(in BalanceContext context, HashSettings settings, out uint hash)
    {
        hash = 0;
        if (!TryFind(context.Payload.Span, out var value))
        {
            return false;
        }

        hash = settings.Hash(value);
        return true;
    }

    /// <summary>The cookie's value in a raw RDP connection request.</summary>
    public bool TryFind(ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> value)
    {
        value = default;
        const int Headers = 11;
        if (payload.Length <= Headers)
        {
            return false;
        }

        var data = payload[Headers..];
        if (data.Length <= 7 || !Ascii.EqualsIgnoreCase(data[..7], "Cookie:"u8))
        {
            return false;
        }

        data = data[7..].TrimStart((byte)' ');
        if (data.Length <= _name.Length || data[_name.Length] != '=' || !Ascii.EqualsIgnoreCase(data[.._name.Length], _name))
        {
            return false;
        }

        data = data[(_name.Length + 1)..];
        var end = data.IndexOf((byte)'\r');
        if (end < 0 || end + 1 >= data.Length || data[end + 1] != '\n')
        {
            return false;
        }

        value = data[..end];
        return true;
    }
}
