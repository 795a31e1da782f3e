namespace ConfigParser.Directives;

/// <summary>
/// HAProxy durations (haproxy 2.6 configuration.txt §2.5): a decimal number with an optional unit
/// `us`, `ms`, `s`, `m`, `h` or `d`; a bare number is in milliseconds.
/// </summary>
internal static class TimeValueParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="badCharacter"/> is the offending character.</summary>
    public static bool TryParse(string text, out TimeSpan value, out char? badCharacter)
    {
        value = default;
        badCharacter = null;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            badCharacter = text.Length > 0 ? text[0] : null;
            return false;
        }

        if (!long.TryParse(text.AsSpan(0, digits), out var number))
        {
            return false;
        }

        var unit = text[digits..];
        double? microseconds = unit switch
        {
            "" or "ms" => number * 1_000d,
            "us" => number,
            "s" => number * 1_000_000d,
            "m" => number * 60_000_000d,
            "h" => number * 3_600_000_000d,
            "d" => number * 86_400_000_000d,
            _ => null,
        };
        if (microseconds is null)
        {
            // HAProxy blames the first character it could not read as a unit ('x' in "5x", 's' in "5sx").
            badCharacter = unit is ['m' or 'u', 's', var extra, ..] ? extra
                : unit is ['s' or 'm' or 'h' or 'd', var next, ..] ? next
                : unit[0];
            return false;
        }

        value = TimeSpan.FromMicroseconds(microseconds.Value);
        return true;
    }
}
