using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// Patterns of `req.ssl_ver` / `req_ssl_ver` without `-m`: dotted versions "major[.minor]" and ranges of them,
/// stored as integers (major &lt;&lt; 16 | minor) like the fetch's value (src/pattern.c pat_parse_dotted_ver;
/// the operator folding of src/acl.c). Messages are HAProxy 2.6's, checked with `haproxy -c`.
/// </summary>
internal static class DottedVersionParser
{
    /// <summary>The ACL keywords whose patterns are dotted versions.</summary>
    public static bool AppliesTo(string? aclKeyword) => aclKeyword is "req.ssl_ver" or "req_ssl_ver";

    /// <summary>"3.1", "3.0:3.3", ":3.2", "3.1-3.3"…</summary>
    public static (AclPattern? Pattern, string? Error) Parse(string text)
    {
        var separator = text.IndexOfAny([':', '-']);
        if (separator < 0)
        {
            return TryVersion(text, out var value)
                ? (new IntegerRangePattern(text, value, value), null)
                : (null, $"'{text}' is not a dotted number");
        }

        var low = text[..separator];
        var high = text[(separator + 1)..];
        long? min = null, max = null;
        if (text.Length == 1 || (low.Length > 0 && !TryBound(low, out min)) || (high.Length > 0 && !TryBound(high, out max))
            || (min is { } a && max is { } b && a > b))
        {
            return (null, $"'{text}' is not a valid dotted number range");
        }

        return (new IntegerRangePattern(text, min, max), null);
    }

    /// <summary>A value after `gt ge lt le`, folded into a range text ("gt 3.1" → "3.2:"), or an error.</summary>
    public static (string? Range, string? Error) Fold(string op, string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        long minor = 0;
        if (dot >= 0)
        {
            if (!PatternParser.TryInteger(text[(dot + 1)..], out minor))
            {
                return (null, $"'{text}' is neither a number nor a supported operator");
            }

            if (minor >= 65536)
            {
                return (null, $"'{text}' contains too large a minor value");
            }
        }

        if (!PatternParser.TryInteger(dot < 0 ? text : text[..dot], out var major))
        {
            return (null, $"'{text}' is neither a number nor a supported operator");
        }

        if (major >= 65536)
        {
            return (null, $"'{text}' contains too large a major value");
        }

        var value = (major << 16) | (minor & 0xffff);
        value += op switch { "gt" => 1, "lt" => -1, _ => 0 };
        var version = $"{value >> 16}.{value & 0xffff}";
        return (op is "gt" or "ge" ? version + ":" : ":" + version, null);
    }

    private static bool TryBound(string text, out long? value)
    {
        var ok = TryVersion(text, out var v);
        value = ok ? v : null;
        return ok;
    }

    private static bool TryVersion(string text, out long value)
    {
        value = 0;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        long minor = 0;
        if (!PatternParser.TryInteger(dot < 0 ? text : text[..dot], out var major)
            || (dot >= 0 && !long.TryParse(text[(dot + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minor))
            || major is < 0 or >= 65536 || minor >= 65536)
        {
            return false;
        }

        value = (major << 16) | minor;
        return true;
    }
}
