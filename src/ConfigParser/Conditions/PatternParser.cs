using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// One ACL pattern checked for its match method, with HAProxy 2.6's messages (src/pattern.c `pat_parse_*`).
/// </summary>
internal static class PatternParser
{
    /// <summary>The pattern (null for `found` and `bool`, which ignore patterns), or an error.</summary>
    public static (AclPattern? Pattern, string? Error) Parse(string text, MatchMethod method, bool ignoreCase) => method switch
    {
        MatchMethod.Found or MatchMethod.Bool => (null, null),
        MatchMethod.Int or MatchMethod.Len => ParseRange(text),
        MatchMethod.Ip => ParseIp(text),
        MatchMethod.Bin => ParseBinary(text),
        MatchMethod.Reg => ParseRegex(text, ignoreCase),
        _ => (new StringPattern(text), null),
    };

    // "n", "a:b", "a:", ":b" (src/pattern.c pat_parse_int). The first ':' or '-' separates the bounds, so "-1"
    // means "at most 1" while ":-1" is "at most -1" (each bound may carry a sign); "-5:-1" is not a range.
    private static (AclPattern?, string?) ParseRange(string text)
    {
        var separator = text.IndexOfAny([':', '-']);
        if (separator < 0)
        {
            return TrySigned(text, out var value)
                ? (new IntegerRangePattern(text, value, value), null)
                : (null, $"'{text}' is not a number");
        }

        var low = text[..separator];
        var high = text[(separator + 1)..];
        long? min = null, max = null;
        if (text.Length == 1 || (low.Length > 0 && !TryBound(low, out min)) || (high.Length > 0 && !TryBound(high, out max))
            || (min is { } a && max is { } b && a > b))
        {
            return (null, $"'{text}' is not a valid number range");
        }

        return (new IntegerRangePattern(text, min, max), null);
    }

    private static bool TryBound(string text, out long? value)
    {
        var ok = TrySigned(text, out var v);
        value = ok ? v : null;
        return ok;
    }

    // src/tools.c strl2llrc: not empty, an optional '-', then digits only ("-" alone reads as 0; `-- 5 --` passes).
    private static bool TrySigned(string text, out long value)
    {
        value = 0;
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (text.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        return digits.Length == 0 || long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The value after an integer operator (src/acl.c): read up to the first '.', so `ge 1.5` is `ge 1`.
    /// </summary>
    public static bool TryInteger(string text, out long value)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return TrySigned(dot < 0 ? text : text[..dot], out value);
    }

    // An address, "addr/len" or "addr/mask" (src/tools.c str2net, str62net). Host names are not resolved here.
    private static (AclPattern?, string?) ParseIp(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (IPAddress.TryParse(addressText, out var address) || TryLocalName(addressText, out address))
        {
            var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            var prefix = bits;
            if (slash < 0 || TryPrefix(text[(slash + 1)..], bits, out prefix))
            {
                return (new IpNetworkPattern(text, address, prefix), null);
            }
        }

        return (null, $"'{text}' is not a valid IPv4 or IPv6 address");
    }

    // HAProxy resolves other names with DNS while parsing (unless -n); this parser does no I/O for that and only
    // knows "localhost", so other host names are reported as invalid addresses.
    private static bool TryLocalName(string text, out IPAddress address)
    {
        address = IPAddress.Loopback;
        return text.Equals("localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryPrefix(string text, int bits, out int prefix)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefix))
        {
            return prefix <= bits;
        }

        // A dotted IPv4 mask; HAProxy 2.6 also accepts non-contiguous ones (10.0.0.0/255.0.255.0 passes `-c`),
        // which are kept here as their count of leading ones.
        if (bits == 32 && IPAddress.TryParse(text, out var mask) && mask.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mask.GetAddressBytes());
            prefix = System.Numerics.BitOperations.LeadingZeroCount(~value);
            return true;
        }

        return false;
    }

    // src/tools.c parse_binary: pairs of hex digits.
    private static (AclPattern?, string?) ParseBinary(string text)
    {
        if (text.Length % 2 != 0)
        {
            return (null, "an even number of hex digit is expected");
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return (null, $"an hex digit is expected (found '{c}')");
            }
        }

        return (new BinaryPattern(text, Convert.FromHexString(text)), null);
    }

    // HAProxy compiles with PCRE; the message mimics its "regex '…' is invalid (error=…, erroffset=…)" with
    // .NET's reason, since the two engines word their errors differently.
    private static (AclPattern?, string?) ParseRegex(string text, bool ignoreCase)
    {
        try
        {
            var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            return (new RegexPattern(text, new Regex(text, options)), null);
        }
        catch (RegexParseException e)
        {
            return (null, $"regex '{text}' is invalid (error={RegexErrorText(e.Error)}, erroffset={e.Offset})");
        }
    }

    // The PCRE2 wording of the errors people meet most; others keep .NET's name for them.
    private static string RegexErrorText(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => "missing closing parenthesis",
        RegexParseError.UnterminatedBracket => "missing terminating ] for character class",
        RegexParseError.InsufficientOpeningParentheses => "unmatched closing parenthesis",
        RegexParseError.QuantifierAfterNothing => "quantifier does not follow a repeatable item",
        _ => error.ToString(),
    };
}
