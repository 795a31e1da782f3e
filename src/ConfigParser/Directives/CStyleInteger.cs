namespace ConfigParser.Directives;

/// <summary>
/// C's atol()/atoi(), which HAProxy 2.6 uses for many numbers: leading blanks and a sign are accepted, reading
/// stops at the first non-digit, no digits gives 0, and a value too large for a long saturates (strtol). The
/// same garbage-tolerant reading is needed to accept exactly what HAProxy accepts ("10x" is 10, "x" is 0).
/// </summary>
internal static class CStyleInteger
{
    /// <summary>atol(<paramref name="text"/>): the leading integer, saturated to the range of a long.</summary>
    public static long Atol(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        // Accumulate towards the sign so that long.MinValue itself is representable.
        long value = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            var digit = text[i] - '0';
            if (negative ? value < (long.MinValue + digit) / 10 : value > (long.MaxValue - digit) / 10)
            {
                return negative ? long.MinValue : long.MaxValue;
            }

            value = (value * 10) + (negative ? -digit : digit);
        }

        return value;
    }

    /// <summary>A long read by atol() then stored in a C int: only the low 32 bits are kept.</summary>
    public static int Atoi(string text) => unchecked((int)Atol(text));
}
