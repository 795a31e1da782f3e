using ConfigParser.Diagnostics;

namespace ConfigParser.Conditions;

/// <summary>The two warnings HAProxy 2.6 gives about ACLs that parse but are likely mistakes.</summary>
internal static partial class AclCriterionParser
{
    private static void WarnNoPattern(IReadOnlyList<string> words, bool needsPattern, DiagnosticBag diagnostics)
    {
        string Word(int i) => i < words.Count ? words[i] : "";

        // src/acl.c parse_acl_expr: "Additional check to protect against common mistakes".
        if (needsPattern && Word(1).Length == 0)
        {
            diagnostics.Warning(null, $"parsing acl keyword '{Word(0)}' :\n"
                + "  no pattern to match against were provided, so this ACL will never match.\n"
                + "  If this is what you intended, please add '--' to get rid of this warning.\n"
                + "  If you intended to match only for existence, please use '-m found'.\n"
                + "  If you wanted to force an int to match as a bool, please use '-m bool'.\n", "acl");
        }
    }

    private static void WarnParenthesis(IReadOnlyList<string> words, string aclName, DiagnosticBag diagnostics)
    {
        string Word(int i) => i < words.Count ? words[i] : "";

        // src/acl.c parse_acl, once the expression parsed: a pattern starting with '(' right after an argument-less fetch is likely a typo.
        if (!Word(0).Contains('(', StringComparison.Ordinal) && Word(1).StartsWith('('))
        {
            diagnostics.Warning(null, $"parsing acl '{aclName}' :\n"
                + $"  matching '{Word(0)}' for pattern '{Word(1)}' is likely a mistake and probably\n"
                + "  not what you want. Maybe you need to remove the extraneous space before '('.\n"
                + "  If you are really sure this is not an error, please insert '--' between the\n"
                + "  match and the pattern to make this warning message disappear.", "acl");
        }
    }
}
