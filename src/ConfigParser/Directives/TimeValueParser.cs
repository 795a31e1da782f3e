namespace ConfigParser.Directives;

/// <summary>
/// HAProxy durations (haproxy 2.6 configuration.txt §2.5, src/tools.c parse_time_err with TIME_UNIT_MS): a
/// decimal number with an optional unit `us`, `ms`, `s`, `m`, `h` or `d`; a bare number is in milliseconds.
/// The result is whole milliseconds, rounded up, and must stay below 2^31 ms (~24.8 days).
/// </summary>
internal static class TimeValueParser
{
    /// <summary>The largest value HAProxy accepts, in milliseconds.</summary>
    public const long MaxMilliseconds = int.MaxValue;

    /// <summary>Why a duration was refused.</summary>
    public enum Failure
    {
        /// <summary>The value was accepted.</summary>
        None,

        /// <summary>"unexpected character 'x' in …": no digit first, or an unknown unit.</summary>
        UnexpectedCharacter,

        /// <summary>"timer overflow in argument …": 2^31 ms or more.</summary>
        Overflow,

        /// <summary>"timer underflow in argument …": a non-zero value that rounds to 0 ms.</summary>
        Underflow,
    }

    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    /// <param name="text">The value as written, e.g. "5s".</param>
    /// <param name="value">The duration in whole milliseconds, as HAProxy stores it.</param>
    /// <param name="character">On <see cref="Failure.UnexpectedCharacter"/> the character blamed; on success with
    /// <paramref name="trailingIgnored"/> the first character HAProxy ignored after the unit.</param>
    /// <param name="trailingIgnored">True when characters follow a valid unit ("5sx"): HAProxy 2.6 only warns.</param>
    public static Failure Parse(string text, out TimeSpan value, out char character, out bool trailingIgnored)
    {
        value = default;
        character = '\0';
        trailingIgnored = false;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            character = text.Length > 0 ? text[0] : '\0';
            return Failure.UnexpectedCharacter;
        }

        // Unsigned 64-bit arithmetic that wraps, as in the C code: "18446744073709551616" reads as 0.
        ulong number = 0;
        var i = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            number = unchecked((number * 10) + (ulong)(text[i] - '0'));
        }

        ulong multiplier = 1;
        ulong divider = 1;
        if (i < text.Length)
        {
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (text[i])
            {
                case 's':
                    multiplier = 1000;
                    break;
                case 'u' when next == 's':
                    divider = 1000;
                    i++;
                    break;
                case 'm' when next == 's':
                    i++;
                    break;
                case 'm':
                    multiplier = 60_000;
                    break;
                case 'h':
                    multiplier = 3_600_000;
                    break;
                case 'd':
                    multiplier = 86_400_000;
                    break;
                default:
                    character = text[i];
                    return Failure.UnexpectedCharacter;
            }

            if (i + 1 < text.Length)
            {
                character = text[i + 1];
                trailingIgnored = true;
            }
        }

        // Rounded up, so "1us" is 1 ms rather than 0.
        var milliseconds = unchecked(((number * multiplier) + divider - 1) / divider);
        if (milliseconds > MaxMilliseconds)
        {
            return Failure.Overflow;
        }

        if (milliseconds == 0 && number != 0)
        {
            return Failure.Underflow;
        }

        value = TimeSpan.FromMilliseconds(milliseconds);
        return Failure.None;
    }
}
