using System.Text;

namespace ConfigParser.Keepalived.Lexing;

/// <summary>
/// keepalived 2.2 parameter definitions (keepalived.conf(5) "PARAMETER SUBSTITUTION"): a line `$NAME=value`
/// defines, `$NAME` and `${NAME}` expand. Observed with keepalived 2.2.7: process environment variables are not
/// consulted, an undefined `$NAME` stays literally, `$_PWD` is the configuration directory and `$_INSTANCE` the
/// host (instance) name; a definition whose lines end in `\` spans several lines and expands to several lines.
/// </summary>
internal sealed class KeepalivedDefinitions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Creates the table with keepalived's built-in names.</summary>
    public KeepalivedDefinitions(string instanceName, string configDirectory)
    {
        _values["_INSTANCE"] = instanceName;
        _values["_PWD"] = configDirectory;
    }

    /// <summary>Defines or redefines a name.</summary>
    public void Define(string name, string value) => _values[name] = value;

    /// <summary>If <paramref name="line"/> (leading blanks removed) is `$NAME=value`, returns the name and value.</summary>
    public static bool TryParseDefinition(string line, out string name, out string value)
    {
        name = value = string.Empty;
        if (line.Length < 3 || line[0] != '$')
        {
            return false;
        }

        var i = 1;
        while (i < line.Length && IsNameChar(line[i]))
        {
            i++;
        }

        if (i == 1 || i >= line.Length || line[i] != '=')
        {
            return false;
        }

        name = line[1..i];
        value = line[(i + 1)..].Trim();
        return true;
    }

    /// <summary>Expands every defined `$NAME` and `${NAME}`; a multi-line value yields embedded LF characters.</summary>
    public string Expand(string line)
    {
        if (!line.Contains('$'))
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '$' && TryName(line, i, out var name, out var end) && _values.TryGetValue(name, out var value))
            {
                sb.Append(value);
                i = end;
                continue;
            }

            sb.Append(line[i]);
            i++;
        }

        return sb.ToString();
    }

    private static bool TryName(string line, int dollar, out string name, out int end)
    {
        name = string.Empty;
        end = dollar + 1;
        var braced = end < line.Length && line[end] == '{';
        var start = braced ? end + 1 : end;
        var j = start;
        while (j < line.Length && IsNameChar(line[j]))
        {
            j++;
        }

        if (j == start || (braced && (j >= line.Length || line[j] != '}')))
        {
            return false;
        }

        name = line[start..j];
        end = braced ? j + 1 : j;
        return true;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
