using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A `userlist NAME` section: the users `http_auth(NAME)` accepts (haproxy 2.6 configuration.txt §3.4).</summary>
/// <param name="Location">The section header's location.</param>
/// <param name="Name">The list's name.</param>
/// <param name="Users">The users, the first of duplicated names kept.</param>
/// <param name="Groups">The `group` names, in declaration order.</param>
public sealed record UserlistSection(SourceLocation Location, string Name, IReadOnlyList<UserDefinition> Users, IReadOnlyList<string> Groups);
