using System.Text;
using System.Text.RegularExpressions;

namespace Proxy.Http.Rules;

/// <summary>
/// HAProxy's regex replacement (haproxy 2.6 src/regex.c exp_replace): the result is the replacement text alone, with
/// `\0`…`\9` replaced by the match's groups; the text around the match is not kept.
/// </summary>
internal static class RegexReplacement
{
    /// <summary>The replacement when <paramref name="regex"/> matches <paramref name="text"/> (or the given match), else null.</summary>
    public static string? Apply(Regex regex, string text, string format, Match? found = null)
    {
        var match = found ?? regex.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var builder = new StringBuilder(format.Length + text.Length);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '\\' && i + 1 < format.Length && char.IsAsciiDigit(format[i + 1]))
            {
                builder.Append(match.Groups[format[++i] - '0'].Value);
            }
            else
            {
                builder.Append(format[i]);
            }
        }

        return builder.ToString();
    }
}
