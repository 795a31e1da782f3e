using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConfigParser.Model;

namespace Proxy.Health;

/// <summary>
/// A backend's `option tcp-check` rules (haproxy 2.6 §4.2 `tcp-check`), read once: connect (port, ssl), send,
/// send-binary, expect [!] string/rstring/binary and comment. A rule or option this proxy does not run makes the
/// whole plan unsupported: the servers are then checked with a TCP connect and a soft warning says so.
/// </summary>
internal sealed class TcpCheckPlan
{
    private TcpCheckPlan(IReadOnlyList<TcpCheckStep> steps) => Steps = steps;

    public IReadOnlyList<TcpCheckStep> Steps { get; }

    /// <summary>True when a rule sends or expects something: success is then "Layer7 check passed" ("(tcp-check)").</summary>
    public bool Talks => Steps.Any(s => s.Action is TcpCheckAction.Send or TcpCheckAction.Expect);

    /// <summary>True when a `connect` rule asks for TLS.</summary>
    public bool ConnectsWithSsl => Steps.Any(s => s.Action == TcpCheckAction.Connect && s.Ssl);

    /// <summary>
    /// The plan when `option tcp-check` is the backend's check type and it has rules; null otherwise, or with
    /// <paramref name="unsupported"/> naming the first rule this proxy does not run.
    /// </summary>
    public static TcpCheckPlan? For(BackendSection backend, out string? unsupported)
    {
        unsupported = null;
        if (backend.Options.LastOrDefault(o => o.Name is "httpchk" or "ssl-hello-chk" or "tcp-check") is not { Name: "tcp-check", Enabled: true }
            || backend.TcpChecks.Count == 0)
        {
            return null;
        }

        var steps = new List<TcpCheckStep>();
        string? comment = null;
        foreach (var directive in backend.TcpChecks)
        {
            var step = Parse(steps.Count + 1, directive, comment);
            if (step is null)
            {
                unsupported = $"'tcp-check {string.Join(' ', directive.Arguments.Prepend(directive.Verb))}'";
                return null;
            }

            comment = step.Action == TcpCheckAction.Comment ? step.Comment : comment;
            steps.Add(step.Comment is null ? step with { Comment = comment } : step);
        }

        return new TcpCheckPlan(steps);
    }

    // One rule; null when it (or one of its options) is not run here.
    private static TcpCheckStep? Parse(int number, TcpCheckDirective directive, string? comment)
    {
        var words = directive.Arguments;
        switch (directive.Verb)
        {
            case "comment":
                return words.Count == 1 ? new TcpCheckStep(number, TcpCheckAction.Comment, words[0]) : null;
            case "connect":
            {
                int? port = null;
                var ssl = false;
                string? own = null;
                for (var i = 0; i < words.Count; i++)
                {
                    switch (words[i])
                    {
                        case "port" when i + 1 < words.Count && int.TryParse(words[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p):
                            port = p;
                            i++;
                            break;
                        case "ssl":
                            ssl = true;
                            break;
                        case "comment" when i + 1 < words.Count:
                            own = words[++i];
                            break;
                        default:
                            return null;
                    }
                }

                return new TcpCheckStep(number, TcpCheckAction.Connect, own, Port: port, Ssl: ssl);
            }

            case "send" or "send-binary":
            {
                if (words.Count is not (1 or 3) || (words.Count == 3 && words[1] != "comment"))
                {
                    return null;
                }

                var data = directive.Verb == "send" ? Encoding.Latin1.GetBytes(words[0]) : Hex(words[0]);
                return data is null ? null : new TcpCheckStep(number, TcpCheckAction.Send, words.Count == 3 ? words[2] : null, Data: data);
            }

            case "expect":
                return Expect(number, words);
            default:
                return null;
        }
    }

    private static TcpCheckStep? Expect(int number, IReadOnlyList<string> words)
    {
        var i = 0;
        var negate = words.Count > 0 && words[0] == "!";
        i += negate ? 1 : 0;
        if (words.Count < i + 2 || words[i] is not ("string" or "rstring" or "binary"))
        {
            return null;
        }

        var (kind, pattern) = (words[i], words[i + 1]);
        string? own = null;
        for (i += 2; i < words.Count; i++)
        {
            if (words[i] != "comment" || i + 1 >= words.Count)
            {
                return null;
            }

            own = words[++i];
        }

        switch (kind)
        {
            case "binary":
                return Hex(pattern) is { } bytes ? new TcpCheckStep(number, TcpCheckAction.Expect, own, Data: bytes, Kind: kind, Pattern: pattern, Negate: negate) : null;
            case "rstring":
                try
                {
                    var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    return new TcpCheckStep(number, TcpCheckAction.Expect, own, Kind: kind, Pattern: pattern, Negate: negate, Regex: regex);
                }
                catch (ArgumentException)
                {
                    return null;
                }

            default:
                return new TcpCheckStep(number, TcpCheckAction.Expect, own, Data: Encoding.Latin1.GetBytes(pattern), Kind: kind, Pattern: pattern, Negate: negate);
        }
    }

    private static byte[]? Hex(string text)
    {
        try
        {
            return text.Length % 2 == 0 && text.Length > 0 ? Convert.FromHexString(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
