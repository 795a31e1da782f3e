namespace ConfigParser.Conditions.Keywords;

/// <summary>
/// The arguments a fetch or converter takes, as `haproxy -dKsmp` prints them: "string[,integer]" means one
/// mandatory string and one optional integer (src/sample.c `arg_mask`).
/// </summary>
/// <param name="Types">Every argument's type name, in order ("string", "integer", "backend", "IPv4 mask"…).</param>
/// <param name="Mandatory">How many leading arguments must be given.</param>
internal sealed record ArgumentSpec(IReadOnlyList<string> Types, int Mandatory)
{
    /// <summary>No argument.</summary>
    public static ArgumentSpec None { get; } = new([], 0);

    /// <summary>Reads "a,b[,c,d]" (the text between the parentheses of the listing).</summary>
    public static ArgumentSpec Parse(string text)
    {
        var optionalFrom = text.IndexOf('[', StringComparison.Ordinal);
        var mandatoryPart = optionalFrom < 0 ? text : text[..optionalFrom];
        var split = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var mandatory = mandatoryPart.Split(',', split);
        var all = text.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split(',', split);
        return new ArgumentSpec(all, mandatory.Length);
    }
}
