namespace ConfigParser.Model.Conditions;

/// <summary>A pattern for `-m str|sub|beg|end|dir|dom`, compared as text (case-insensitively with `-i`).</summary>
/// <param name="Text">The pattern.</param>
public sealed record StringPattern(string Text) : AclPattern(Text);
