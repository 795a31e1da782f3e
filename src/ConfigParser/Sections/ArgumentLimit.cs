using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Sections;

/// <summary>haproxy 2.6 src/cfgparse.c alertif_too_many_args: the check most keywords make on their argument count.</summary>
internal static class ArgumentLimit
{
    /// <summary>
    /// Reports "'kw' cannot handle unexpected argument 'x'." and returns true when the word right after the
    /// <paramref name="max"/> allowed arguments is not empty. Like HAProxy, only that one word is looked at.
    /// </summary>
    public static bool Exceeded(ConfigLine line, int max, DiagnosticBag diagnostics)
    {
        var extra = line[max + 1];
        if (extra.Length == 0)
        {
            return false;
        }

        diagnostics.Alert(line.Location, $"'{line.Keyword}' cannot handle unexpected argument '{extra}'.", line.Keyword);
        return true;
    }
}
