using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`user NAME [password HASH | insecure-password PASSWORD] [groups G1,G2…]` in a userlist.</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Password">A crypt(3) hash, or the clear text when <paramref name="Insecure"/>; null when none was given (never authenticates).</param>
/// <param name="Insecure">True for `insecure-password` (compared as plain text).</param>
/// <param name="Groups">The groups the user belongs to: its own `groups` list plus every `group … users` line naming it.</param>
public sealed record UserDefinition(SourceLocation Location, string Name, string? Password, bool Insecure, IReadOnlyList<string> Groups);
