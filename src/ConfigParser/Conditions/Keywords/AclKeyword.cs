using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions.Keywords;

/// <summary>A derived ACL keyword such as `path_beg`: a fetch plus an implied match method.</summary>
internal sealed record AclKeyword(string Name, string Fetch, MatchMethod Match);
