using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>`acl` lines → <see cref="AclDefinition"/> (haproxy 2.6 configuration.txt §7.1).</summary>
internal static class AclParser
{
    /// <summary>Parses an `acl` line; returns null after reporting a diagnostic.</summary>
    public static AclDefinition? Parse(ConfigLine line, DiagnosticBag diagnostics)
    {
        if (line.Count < 3)
        {
            diagnostics.Alert(line.Location, "'acl' expects an ACL name and a criterion.", "acl");
            return null;
        }

        return new AclDefinition(line.Location, line[1], [.. line.Words.Skip(2)]);
    }
}
