using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// `acl` lines → <see cref="AclDefinition"/> (haproxy 2.6 configuration.txt §7.1; messages of src/cfgparse-listen.c
/// "acl" and src/acl.c `parse_acl`). This parser words the whole message ("error detected while parsing ACL 'a' :
/// …"); the caller only checks where `acl` is allowed (not in `defaults`). Several lines with the same name make
/// one ACL whose criteria are OR-ed: the caller keeps every <see cref="AclDefinition"/> of a proxy, in order.
/// </summary>
internal static class AclParser
{
    /// <summary>Parses an `acl` line; returns null after reporting a diagnostic.</summary>
    public static AclDefinition? Parse(ConfigLine line, DiagnosticBag diagnostics)
    {
        var name = line[1];
        var bad = name.FirstOrDefault(c => !IsNameChar(c));
        if (name.Length == 0 || bad != default)
        {
            // HAProxy prints the C string, so an empty name (bad character NUL) cuts the message short.
            diagnostics.Alert(line.Location, name.Length == 0 ? "character '" : $"character '{bad}' is not permitted in acl name '{name}'.", "acl");
            return null;
        }

        if (name.Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Alert(line.Location, $"acl name '{name}' will never match. 'or' is used to express a logical disjunction within a condition.", "acl");
            return null;
        }

        var words = line.Words.Skip(2).ToArray();
        var result = AclCriterionParser.Parse(words, name, diagnostics);
        if (result.Criterion is not { } criterion)
        {
            diagnostics.Alert(line.Location, $"error detected while parsing ACL '{name}' : {result.Error}.", "acl");
            return null;
        }

        return new AclDefinition(line.Location, name, words) { Criterion = criterion };
    }

    /// <summary>src/tools.c invalid_char(): letters, digits and ". : _ -".</summary>
    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '_' or '-';
}
