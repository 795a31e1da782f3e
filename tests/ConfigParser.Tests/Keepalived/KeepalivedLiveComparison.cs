using ConfigParser.Keepalived;

namespace ConfigParser.Tests.Keepalived;

/// <summary>
/// Compares our messages with what the installed keepalived prints for the same file. keepalived forks a parent,
/// a VRRP and a checker process that interleave and repeat their lines, so the comparison is on distinct lines.
/// </summary>
internal static class KeepalivedLiveComparison
{
    /// <summary>Lines keepalived printed that we did not, and lines we printed that it did not; null when it cannot run.</summary>
    public static (string[] Missing, string[] Extra, bool TheirVerdict, bool OurVerdict)? Compare(string path, string? hostName = null)
    {
        if (KeepalivedCli.Check(path) is not { } live)
        {
            return null;
        }

        var theirs = live.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToHashSet(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(path) + "/";
        var result = KeepalivedConfigLoader.LoadFile(path, hostName);
        var ours = result.Messages.Select(m => m.Replace(folder, string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        return ([.. theirs.Except(ours).Order()], [.. ours.Except(theirs).Order()], live.ExitCode == 0, result.WouldPassKeepalivedCheck);
    }
}
