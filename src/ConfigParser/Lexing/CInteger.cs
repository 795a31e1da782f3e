namespace ConfigParser.Lexing;

/// <summary>
/// C's strtol as HAProxy uses it on configuration text: leading white space, an optional sign, then digits in base
/// 10, or with base 0 also "0x" hexadecimal and leading-zero octal. Out-of-range values saturate, as strtol does.
/// </summary>
internal static class CInteger
{
    /// <summary>Reads a number at <paramref name="start"/>; false when no digit could be read (end is then start).</summary>
    public static bool TryParse(string text, int start, int numberBase, out long value, out int end)
    {
        value = 0;
        end = start;
        var at = start;
        while (at < text.Length && text[at] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            at++;
        }

        var negative = false;
        if (at < text.Length && text[at] is '+' or '-')
        {
            negative = text[at] == '-';
            at++;
        }

        if (numberBase == 0)
        {
            numberBase = 10;
            if (at < text.Length && text[at] == '0')
            {
                // "0x" counts only when a hexadecimal digit follows; otherwise the "0" alone is the number.
                numberBase = at + 2 < text.Length && text[at + 1] is 'x' or 'X' && char.IsAsciiHexDigit(text[at + 2]) ? 16 : 8;
                if (numberBase == 16)
                {
                    at += 2;
                }
            }
        }

        var digitsStart = at;
        var magnitude = System.Numerics.BigInteger.Zero;
        while (at < text.Length && DigitValue(text[at]) is var d && d >= 0 && d < numberBase)
        {
            magnitude = (magnitude * numberBase) + d;
            at++;
        }

        if (at == digitsStart)
        {
            return false;
        }

        var signed = negative ? -magnitude : magnitude;
        value = signed > long.MaxValue ? long.MaxValue : signed < long.MinValue ? long.MinValue : (long)signed;
        end = at;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };
}
