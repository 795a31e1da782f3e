namespace ConfigParser.Lexing;

/// <summary>
/// What haproxy 2.6's pseudo-variables ${.FILE}, ${.LINE} and ${.SECTION} expand to on one line (configuration.txt
/// §2.3). Checked with `haproxy -c`: .SECTION is the section's name, or its keyword when it has none ("global",
/// "defaults"); before the first section of a file it is unset (so "${.SECTION-x}" gives "x").
/// </summary>
/// <param name="File">The file name as given on the command line.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Section">The current section's name; null before any section keyword in this file.</param>
internal sealed record PseudoVariables(string File, int Line, string? Section)
{
    /// <summary>Used when the tokenizer runs outside a file (unit tests): no file, line 0, no section.</summary>
    public static readonly PseudoVariables None = new("", 0, null);

    /// <summary>
    /// Looks up a name that starts with '.'; false when haproxy does not know it (it then refuses the line).
    /// <paramref name="value"/> is null for a known but unset variable (.SECTION before any section).
    /// </summary>
    public bool TryGet(string name, out string? value)
    {
        value = name switch
        {
            ".FILE" => File,
            ".LINE" => Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ".SECTION" => Section,
            _ => null,
        };
        return name is ".FILE" or ".LINE" or ".SECTION";
    }
}
