namespace ConfigParser.Directives;

/// <summary>
/// Sizes written as a number with an optional k, m or g suffix (either case; powers of 1024), as haproxy 2.6
/// src/tools.c parse_size_err reads them: "100k" is 102400, "1m" 1048576.
/// </summary>
internal static class SizeValueParser
{
    /// <summary>Parses <paramref name="text"/>; returns null on success, or the first character HAProxy refuses.</summary>
    public static char? Parse(string text, out long value)
    {
        value = 0;
        var i = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            value = (value * 10) + (text[i] - '0');
            if (value > uint.MaxValue)
            {
                return text[i];
            }
        }

        if (i == 0)
        {
            return text.Length == 0 ? '\0' : text[0];
        }

        if (i < text.Length)
        {
            var multiplier = char.ToLowerInvariant(text[i]) switch
            {
                'k' => 1024L,
                'm' => 1024L * 1024,
                'g' => 1024L * 1024 * 1024,
                _ => 0L,
            };
            if (multiplier == 0)
            {
                return text[i];
            }

            value *= multiplier;
            if (++i < text.Length)
            {
                return text[i];
            }
        }

        return null;
    }
}
