using ConfigParser.Diagnostics;

namespace ConfigParser.Sections;

/// <summary>
/// A section this proxy reads but does not run yet (userlist, peers, resolvers, mailers, program, http-errors,
/// ring, cache, log-forward, fcgi-app): its keyword table and how HAProxy 2.6 words an unknown keyword in it.
/// </summary>
/// <param name="Keyword">The section keyword.</param>
/// <param name="Table">Every keyword 2.6 accepts in the section.</param>
/// <param name="UnknownMessage">The alert for an unknown keyword; {0} is the keyword.</param>
/// <param name="Prefix">How that alert introduces the location.</param>
/// <param name="UnknownAborts">True when an unknown keyword stops the parse (log-forward does).</param>
internal sealed record AuxiliarySection(string Keyword, KeywordTable<KeywordContext<AuxiliarySection>> Table, string UnknownMessage,
    LocationPrefix Prefix, bool UnknownAborts = false)
{
    /// <summary>The alert for a section header without a name.</summary>
    public string MissingName { get; init; } = "";

    /// <summary>How that alert introduces the location.</summary>
    public LocationPrefix MissingNamePrefix { get; init; } = LocationPrefix.Parsing;

    /// <summary>True when a header without a name stops the parse.</summary>
    public bool MissingNameAborts { get; init; }
}
