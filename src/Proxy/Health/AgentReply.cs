using System.Globalization;
using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>
/// One agent line parsed (haproxy 2.6 `agent-check`): words separated by spaces, tabs or commas, case-insensitive, the
/// last one of each kind winning; a word starting with '#' opens a comment that runs to the end of the line. Unknown
/// words are ignored, but the first one is kept as the reason when there is no comment (captured from 2.6.12:
/// "down x" logs `via agent : down (x)`).
/// </summary>
/// <param name="Health">`up`, `down`, `fail` or `stopped` as written; null when absent.</param>
/// <param name="Admin">`ready`, `drain` or `maint`; null when absent.</param>
/// <param name="Percent">A weight relative to the configured one ("75%"); null when absent.</param>
/// <param name="MaxConn">`maxconn:N`; null when absent.</param>
/// <param name="Reason">The comment, else the first unknown word; empty when neither.</param>
internal sealed record AgentReply(string? Health, ServerAdminState? Admin, int? Percent, int? MaxConn, string Reason)
{
    /// <summary>True for `up`: the agent's own health goes UP.</summary>
    public bool IsUp => string.Equals(Health, "up", StringComparison.OrdinalIgnoreCase);

    /// <summary>The check's info, as logged: "via agent : down (reason)".</summary>
    public string Info => Reason.Length == 0 ? $"via agent : {Health}" : $"via agent : {Health} ({Reason})";

    /// <summary>Parses the first line of <paramref name="text"/> (up to CR, LF or the end).</summary>
    public static AgentReply Parse(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var line = end < 0 ? text : text[..end];
        string? health = null, unknown = null, comment = null;
        ServerAdminState? admin = null;
        int? percent = null, maxConn = null;
        var position = 0;
        while (position < line.Length)
        {
            if (IsSeparator(line[position]))
            {
                position++;
                continue;
            }

            if (line[position] == '#')
            {
                comment = line[(position + 1)..].TrimStart(' ', '\t');
                break;
            }

            var start = position;
            while (position < line.Length && !IsSeparator(line[position]))
            {
                position++;
            }

            var word = line[start..position];
            if (word.ToLowerInvariant() is "up" or "down" or "fail" or "stopped")
            {
                health = word;
            }
            else if (AdminOf(word) is { } state)
            {
                admin = state;
            }
            else if (PercentOf(word) is { } p)
            {
                percent = p;
            }
            else if (word.StartsWith("maxconn:", StringComparison.OrdinalIgnoreCase)
                     && int.TryParse(word.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                maxConn = limit;
            }
            else
            {
                unknown ??= word;
            }
        }

        return new AgentReply(health, admin, percent, maxConn, string.IsNullOrEmpty(comment) ? unknown ?? "" : comment);
    }

    /// <summary>The effective weight for a percentage of <paramref name="initial"/>: rounded down, at most 256 (2.6.12: 5% of 10 is 0).</summary>
    public static int WeightFor(int initial, int percent) => (int)Math.Min((long)initial * percent / 100, ServerState.MaxWeight);

    private static bool IsSeparator(char c) => c is ' ' or '\t' or ',';

    private static ServerAdminState? AdminOf(string word) => word.ToLowerInvariant() switch
    {
        "ready" => ServerAdminState.Ready,
        "drain" => ServerAdminState.Drain,
        "maint" => ServerAdminState.Maint,
        _ => null,
    };

    private static int? PercentOf(string word)
        => word.Length > 1 && word[^1] == '%'
           && int.TryParse(word.AsSpan(0, word.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
}
