using System.Text.RegularExpressions;
using Proxy.Http.Rules;

namespace Proxy.Http.LogFormat;

/// <summary>
/// `regsub(REGEX,SUBST[,FLAGS])`: replaces the first match (every match with flag `g`; `i` ignores case) by SUBST,
/// where `\1`…`\9` are the match's groups; the text around each match is kept (haproxy 2.6 §7.3.1).
/// </summary>
internal sealed class RegsubConverter(Regex regex, string substitution, bool global) : ISampleConverter
{
    /// <summary>The converter, or null when the arguments are not HAProxy's or .NET cannot read the regex.</summary>
    public static RegsubConverter? Create(IReadOnlyList<string> args)
    {
        if (args.Count is < 2 or > 3 || (args.Count == 3 && args[2].Any(f => f is not ('i' or 'g'))))
        {
            return null;
        }

        var flags = args.Count == 3 ? args[2] : "";
        try
        {
            var options = RegexOptions.CultureInvariant | (flags.Contains('i') ? RegexOptions.IgnoreCase : RegexOptions.None);
            return new RegsubConverter(new Regex(args[0], options), args[1], flags.Contains('g'));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public string? Convert(string value)
        => regex.Replace(value, m => RegexReplacement.Apply(regex, m.Value, substitution, m)!, global ? -1 : 1);
}
