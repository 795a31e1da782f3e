using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// One `[no] option NAME [ARGS…]` line of a proxy (haproxy 2.6 configuration.txt §4, "option …"). Options with
/// arguments have a derived record per family (<see cref="ForwardForOption"/>, <see cref="HttpCheckOption"/>,
/// <see cref="RedispatchOption"/>, <see cref="HttpLogOption"/>); boolean options are this record itself.
/// </summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Name">The option's name, e.g. "httplog", "forwardfor".</param>
/// <param name="Enabled">False for `no option NAME`.</param>
/// <param name="Arguments">The words after the name, as written (e.g. "clf" for httplog, "except 127.0.0.1" for forwardfor).</param>
public record ProxyOption(SourceLocation Location, string Name, bool Enabled, IReadOnlyList<string> Arguments)
{
    /// <summary>The value after <paramref name="word"/> in the arguments ("header X-Client" → "X-Client"), or null.</summary>
    public string? ValueAfter(string word)
    {
        for (var i = 0; i < Arguments.Count - 1; i++)
        {
            if (Arguments[i] == word)
            {
                return Arguments[i + 1];
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="word"/> appears among the arguments (e.g. "if-none", "clf").</summary>
    public bool HasFlag(string word) => Arguments.Contains(word);
}
