namespace ConfigParser.Sections;

/// <summary>How one `option NAME` is checked: its argument limit and whether `no`/`default` may prefix it.</summary>
/// <param name="MaxArguments">Arguments allowed after the name; -1 when the option checks its own words.</param>
/// <param name="AllowsNegation">True for the boolean options that `no option NAME` turns off.</param>
/// <param name="Removed">For options HAProxy 2.6 no longer accepts: the message it prints instead.</param>
/// <param name="Side">"frontend" or "backend" when the option only acts on that side of a proxy; null for both.</param>
internal sealed record OptionSpec(int MaxArguments, bool AllowsNegation, string? Removed = null, string? Side = null);
