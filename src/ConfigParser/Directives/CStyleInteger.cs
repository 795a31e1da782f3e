namespace ConfigParser.Directives;

/// <summary>
/// C's atol()/atoi(), which HAProxy 2.6 uses for many numbers: leading blanks and a sign are accepted, reading
/// stops at the first non-digit, no digits gives 0, and a value too large for a long saturates (strtol). The
/// same garbage-tolerant reading is needed to accept exactly what HAProxy accepts ("10x" is 10, "x" is 0).
/// </summary>
internal static class CStyleInteger
{
    /// <summary>atol(<paramref name="text"/>): the leading integer, saturated to the range of a long.</summary>
    /// <remarks>atol is strtol in base 10 with "no digits" read as 0, so it reuses the reader's strtol.</remarks>
    public static long Atol(string text) => Lexing.CInteger.TryParse(text, 0, 10, out var value, out _) ? value : 0;

    /// <summary>A long read by atol() then stored in a C int: only the low 32 bits are kept.</summary>
    public static int Atoi(string text) => unchecked((int)Atol(text));
}
