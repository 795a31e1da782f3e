namespace ConfigParser.Model.Conditions;

/// <summary>
/// A sample fetch with its arguments and converter chain, e.g. `req.hdr(host,1),lower` (haproxy 2.6
/// configuration.txt §7.3). For a derived ACL keyword such as `hdr_beg(host)`, <see cref="Fetch"/> is the
/// underlying fetch (`req.hdr`) and <see cref="AclKeyword"/> the word as written.
/// </summary>
/// <param name="Fetch">The sample fetch's keyword.</param>
/// <param name="Arguments">The fetch's arguments as written, split on commas.</param>
/// <param name="Converters">The converters, applied in order.</param>
/// <param name="OutputType">The type of the last step's result.</param>
public sealed record SampleExpression(
    string Fetch,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<ConverterCall> Converters,
    SampleType OutputType)
{
    /// <summary>The ACL keyword used instead of a fetch name (e.g. `path_beg`), or null.</summary>
    public string? AclKeyword { get; init; }
}
