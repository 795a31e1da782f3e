using System.Text.RegularExpressions;

namespace Proxy.FunctionalTests.Corpus;

/// <summary>
/// Derives the `reason` column for a file whose verdicts differ, from the two outputs alone. It looks at the
/// error where the two tools part ways: our first located alert when it comes first, haproxy's otherwise.
/// </summary>
internal static partial class DifferenceReason
{
    public const string Unexplained = "UNEXPLAINED";

    public static string Derive(string corpus, CheckVerdict reference, CheckVerdict proxy, CheckRun proxyRun)
    {
        var notImplemented = NotImplemented(proxyRun).ToList();
        if (corpus == "keepalived")
        {
            return Environment(reference.BlameMessage) is { } keepalivedEnvironment ? $"environment: {keepalivedEnvironment}"
                : notImplemented.Count > 0 ? $"not implemented: {Keywords(notImplemented)}"
                : Unexplained;
        }

        if (OursComesFirst(reference, proxy))
        {
            // We reject a line haproxy got past (or never complained about): only a feature we knowingly lack explains it.
            var atOurs = notImplemented.Where(n => n.Line == proxy.BlamedLine || (proxy.BlamedLine is null && n.Line is null)).ToList();
            return atOurs.Count > 0 ? $"not implemented: {Keywords(atOurs)}" : Unexplained;
        }

        if (Environment(reference.BlameMessage) is { } environment)
        {
            return $"environment: {environment}";
        }

        var atTheirs = notImplemented.Where(n => n.Line is not null && n.Line == reference.BlamedLine).ToList();
        return atTheirs.Count > 0 ? $"not implemented: {Keywords(atTheirs)}" : Unexplained;
    }

    /// <summary>True when our first located alert is where the two outputs part ways.</summary>
    private static bool OursComesFirst(CheckVerdict reference, CheckVerdict proxy)
    {
        if (proxy.Status != CheckVerdict.Invalid)
        {
            return false;
        }

        if (reference.Status != CheckVerdict.Invalid)
        {
            return true;
        }

        return (proxy.BlamedLine, reference.BlamedLine) switch
        {
            ({ } ours, { } theirs) => ours < theirs,
            ({ }, null) => true,
            _ => false,
        };
    }

    /// <summary>A short phrase when haproxy's or keepalived's message is about the machine, not the syntax.</summary>
    public static string? Environment(string? message)
    {
        if (message is null)
        {
            return null;
        }

        foreach (var (pattern, phrase) in EnvironmentPatterns)
        {
            if (pattern.IsMatch(message))
            {
                return phrase;
            }
        }

        return null;
    }

    private static readonly (Regex Pattern, string Phrase)[] EnvironmentPatterns =
    [
        (new Regex("could not resolve address|invalid address: '[A-Za-z][A-Za-z0-9.-]*' in", RegexOptions.IgnoreCase), "hostname does not resolve"),
        (new Regex("SSL certificate|unable to load SSL|ca-file|crt-list", RegexOptions.IgnoreCase), "missing SSL certificate file"),
        (new Regex(@"\bLua\b", RegexOptions.IgnoreCase), "missing Lua file"),
        (new Regex("unknown user|unknown group|can't find (user|group)|cannot find (user|group)", RegexOptions.IgnoreCase), "unknown user or group"),
        (new Regex(@"interface \S+ .*doesn't exist|no such interface|Non-existent interface", RegexOptions.IgnoreCase), "no such interface"),
        (new Regex("not found/accessible", RegexOptions.IgnoreCase), "track script not found"),
        (new Regex("unable to stat|cannot open|No such file or directory|unable to load", RegexOptions.IgnoreCase), "missing file"),
    ];

    private static IEnumerable<(int? Line, string Keyword)> NotImplemented(CheckRun run)
    {
        foreach (var line in (run.Stderr + "\n" + run.Stdout).Split('\n'))
        {
            if (!NotImplementedPattern().IsMatch(line))
            {
                continue;
            }

            var location = LinePattern().Match(line);
            var afterLocation = location.Success ? line[(location.Index + location.Length)..] : line;
            var keyword = ModePattern().Match(line) is { Success: true } mode ? mode.Groups[1].Value
                : line.Contains("keepalived.conf", StringComparison.Ordinal) ? "keepalived.conf (-k is acknowledged, not read)"
                : QuotedPattern().Match(afterLocation) is { Success: true } quoted ? quoted.Groups[1].Value
                : afterLocation.Trim();
            yield return (location.Success ? int.Parse(location.Groups[1].Value) : null, keyword);
        }
    }

    private static string Keywords(IEnumerable<(int? Line, string Keyword)> found)
        => string.Join(", ", found.Select(f => f.Keyword).Distinct());

    [GeneratedRegex(@"not (?:implemented|supported) (?:by this proxy )?yet|does not run yet")]
    private static partial Regex NotImplementedPattern();

    [GeneratedRegex(@"\[[^\[\]\s]+:(\d+)\]")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"uses (mode \w+)")]
    private static partial Regex ModePattern();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedPattern();
}
