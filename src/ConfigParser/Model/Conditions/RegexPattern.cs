using System.Text.RegularExpressions;

namespace ConfigParser.Model.Conditions;

/// <summary>
/// A pattern for `-m reg`, compiled once at parse time. HAProxy uses PCRE; .NET's syntax is close but not equal
/// (possessive quantifiers, \Q…\E and some escapes differ), so a few PCRE-only patterns are rejected here.
/// </summary>
/// <param name="Text">The pattern as written.</param>
/// <param name="Regex">The compiled expression (case-insensitive with `-i`).</param>
public sealed record RegexPattern(string Text, Regex Regex) : AclPattern(Text);
