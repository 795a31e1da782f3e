using System.Globalization;
using System.Net;
using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Number and address arguments with keepalived 2.2.7's own messages (observed): "invalid number 'abc'" and
/// "number '300' outside range [1, 255]"; decimals print their range with six decimals
/// ("number '0' outside range [0.000001, 4294.967295]").
/// </summary>
internal static class ValueReader
{
    /// <summary>The largest decimal keepalived accepts for a time in seconds.</summary>
    public const double MaxSeconds = 4294.967295;

    /// <summary>Reads argument <paramref name="index"/> as an integer in [min, max].</summary>
    public static bool TryInt(KeepalivedParseContext context, KeepalivedDirective d, int index, long min, long max, out int value, LocationPrefix prefix = LocationPrefix.Parsing)
    {
        value = 0;
        if (!TryArgument(context, d, index, out var text, prefix))
        {
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            context.Error(d.Location, $"invalid number '{text}'", d.Keyword, prefix);
            return false;
        }

        if (parsed < min || parsed > max)
        {
            context.Error(d.Location, $"number '{text}' outside range [{min}, {max}]", d.Keyword, prefix);
            return false;
        }

        value = (int)parsed;
        return true;
    }

    /// <summary>
    /// Like <see cref="TryInt"/> for keepalived's unsigned readers, which reject a minus sign first
    /// (observed: "negative number '-1'").
    /// </summary>
    public static bool TryUnsigned(KeepalivedParseContext context, KeepalivedDirective d, int index, long min, long max, out int value, LocationPrefix prefix = LocationPrefix.Parsing)
    {
        if (index < d.Arguments.Count && d.Arguments[index].StartsWith('-'))
        {
            value = 0;
            context.Error(d.Location, $"negative number '{d.Arguments[index]}'", d.Keyword, prefix);
            return false;
        }

        return TryInt(context, d, index, min, max, out value, prefix);
    }

    /// <summary>Like <see cref="TryDecimal"/> for keepalived's unsigned decimal reader ("negative number '-1'").</summary>
    public static bool TryUnsignedDecimal(KeepalivedParseContext context, KeepalivedDirective d, int index, double min, double max, out double value)
    {
        if (index < d.Arguments.Count && d.Arguments[index].StartsWith('-'))
        {
            value = 0;
            context.Error(d.Location, $"negative number '{d.Arguments[index]}'", d.Keyword);
            return false;
        }

        return TryDecimal(context, d, index, min, max, out value);
    }

    /// <summary>Parses a decimal without reporting anything.</summary>
    public static bool TryParseDecimal(string text, out double value)
        => double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses an integer without reporting anything.</summary>
    public static bool TryParseInt(string text, out int value)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads argument <paramref name="index"/> as a decimal in [min, max] (seconds).</summary>
    public static bool TryDecimal(KeepalivedParseContext context, KeepalivedDirective d, int index, double min, double max, out double value, LocationPrefix prefix = LocationPrefix.Parsing)
    {
        value = 0;
        if (!TryArgument(context, d, index, out var text, prefix))
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            context.Error(d.Location, $"invalid number '{text}'", d.Keyword, prefix);
            return false;
        }

        if (parsed < min || parsed > max)
        {
            context.Error(d.Location, string.Create(CultureInfo.InvariantCulture, $"number '{text}' outside range [{min:0.000000}, {max:0.000000}]"), d.Keyword, prefix);
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>
    /// Parses an address, with or without a /prefix; false when the address is not one. The prefix is returned as
    /// written (-1 when it is not a number); callers check its range.
    /// </summary>
    public static bool TryAddress(string text, out IPAddress address, out int? prefixLength)
    {
        prefixLength = null;
        var slash = text.IndexOf('/');
        var host = slash >= 0 ? text[..slash] : text;
        if (!IPAddress.TryParse(host, out address!) || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && host.Count(c => c == '.') != 3))
        {
            address = IPAddress.None;
            return false;
        }

        if (slash < 0)
        {
            return true;
        }

        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        prefixLength = int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        return true;
    }

    /// <summary>The argument's text, or false (with keepalived's message) when it is missing.</summary>
    private static bool TryArgument(KeepalivedParseContext context, KeepalivedDirective d, int index, out string text, LocationPrefix prefix)
    {
        if (index < d.Arguments.Count)
        {
            text = d.Arguments[index];
            return true;
        }

        // keepalived's own wording depends on the keyword; the builders report a missing value themselves.
        text = string.Empty;
        _ = context;
        _ = prefix;
        return false;
    }
}
