using System.Text.RegularExpressions;

namespace Proxy.FunctionalTests.Corpus;

/// <summary>
/// What a checker concluded about one file: valid, invalid or no listener, and for an invalid file the file:line
/// of the first error that names a location (with that error's text, which the reason classifier reads).
/// </summary>
internal sealed partial record CheckVerdict(string Status, string? Blame, string? BlameMessage)
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string NoListener = "no listener";
    public const string TimedOut = "timeout";

    /// <summary>The line of <see cref="Blame"/>, or null.</summary>
    public int? BlamedLine => Blame is { } b && int.TryParse(b[(b.LastIndexOf(':') + 1)..], out var line) ? line : null;

    /// <summary>"valid", "no listener", "invalid", or "invalid FILE:LINE", as the TSV writes it.</summary>
    public override string ToString() => Blame is null ? Status : $"{Status} {Blame}";

    /// <summary>haproxy -c or proxy -c: exit 0 valid, 1 invalid, 2 no listener; blame from the first located [ALERT].</summary>
    public static CheckVerdict FromHaproxyStyle(CheckRun run, string file)
    {
        var status = StatusOf(run, noListener: true);
        if (status != Invalid)
        {
            return new CheckVerdict(status, null, null);
        }

        foreach (var line in Lines(run).Where(l => l.Contains("[ALERT]", StringComparison.Ordinal)))
        {
            if (HaproxyLocation().Match(line) is { Success: true } m)
            {
                return new CheckVerdict(status, $"{m.Groups["file"].Value}:{m.Groups["line"].Value}", MessageOf(line));
            }

            if (KeepalivedLocation().Match(line) is { Success: true } k)
            {
                return new CheckVerdict(status, KeepalivedBlame(k, file), MessageOf(line));
            }
        }

        return new CheckVerdict(status, null, Lines(run).FirstOrDefault(l => l.Contains("[ALERT]", StringComparison.Ordinal)) is { } first ? MessageOf(first) : null);
    }

    /// <summary>keepalived -t: exit 0 valid, anything else invalid (it fails on any warning); blame from the first "(FILE: Line N)".</summary>
    public static CheckVerdict FromKeepalived(CheckRun run, string file)
    {
        var status = StatusOf(run, noListener: false);
        if (status != Invalid)
        {
            return new CheckVerdict(status, null, null);
        }

        var lines = Lines(run).ToList();
        foreach (var line in lines)
        {
            if (KeepalivedLocation().Match(line) is { Success: true } k)
            {
                return new CheckVerdict(status, KeepalivedBlame(k, file), line.Trim());
            }
        }

        return new CheckVerdict(status, null, lines.FirstOrDefault()?.Trim());
    }

    private static string StatusOf(CheckRun run, bool noListener) => run switch
    {
        { TimedOut: true } => TimedOut,
        { ExitCode: 0 } => Valid,
        { ExitCode: 2 } when noListener => NoListener,
        { ExitCode: 1 } => Invalid,
        _ when !noListener => Invalid,
        _ => $"exit {run.ExitCode}",
    };

    // "(Line 15)" names no file: it is the file being checked.
    private static string KeepalivedBlame(Match m, string file)
        => $"{(m.Groups["file"].Success ? m.Groups["file"].Value : file)}:{m.Groups["line"].Value}";

    private static IEnumerable<string> Lines(CheckRun run)
        => (run.Stderr + "\n" + run.Stdout).Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0);

    // "[ALERT]    (123) : config : parsing [f.cfg:12] : text" → "parsing [f.cfg:12] : text".
    private static string MessageOf(string line)
    {
        var at = line.IndexOf(" : config : ", StringComparison.Ordinal);
        return at >= 0 ? line[(at + 12)..] : line.Trim();
    }

    [GeneratedRegex(@"\[(?<file>[^\[\]\s]+):(?<line>\d+)\]")]
    private static partial Regex HaproxyLocation();

    [GeneratedRegex(@"\((?:(?<file>[^()]+?): )?Line (?<line>\d+)\)")]
    private static partial Regex KeepalivedLocation();
}
