using ConfigParser.Keepalived;
using Xunit.Abstractions;

namespace ConfigParser.Tests.Keepalived;

/// <summary>The real-world corpus (../shared/corpus/keepalived): loads, and the verdict agrees with keepalived -t.</summary>
public sealed class KeepalivedCorpusTests(ITestOutputHelper output)
{
    /// <summary>Files where our verdict may differ from the live `keepalived -t`, each with the reason.</summary>
    private static readonly Dictionary<string, string> s_knownDifferences = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void LoadFile_EveryCorpusFile_DoesNotThrow()
    {
        foreach (var file in KeepalivedCorpus.Files())
        {
            var result = KeepalivedConfigLoader.LoadFile(file);
            Assert.NotNull(result.Config);
        }
    }

    [Fact]
    public void LoadFile_EveryCorpusFile_VerdictMatchesKeepalived()
    {
        if (!KeepalivedCli.IsInstalled)
        {
            Assert.False(KeepalivedCorpus.IsCi, "CI=true but keepalived is not installed");
            return;
        }

        var disagreements = new List<string>();
        int agreed = 0, differed = 0;
        foreach (var file in KeepalivedCorpus.Files())
        {
            var name = Path.GetFileName(file);
            var live = KeepalivedCli.Check(file);
            Assert.NotNull(live);
            var theirs = live.Value.ExitCode == 0;
            var ours = KeepalivedConfigLoader.LoadFile(file).WouldPassKeepalivedCheck;
            output.WriteLine($"{name}: keepalived {(theirs ? "valid" : "invalid")}, ours {(ours ? "valid" : "invalid")}");
            (ours == theirs ? ref agreed : ref differed)++;
            if (ours != theirs && !s_knownDifferences.ContainsKey(name))
            {
                var mine = string.Join(" | ", KeepalivedConfigLoader.LoadFile(file).Messages);
                disagreements.Add($"{name}: keepalived {(theirs ? "valid" : "invalid")} [{live.Value.Output.ReplaceLineEndings(" | ")}], ours [{mine}]");
            }
        }

        output.WriteLine($"same verdict: {agreed}, different: {differed} (listed: {s_knownDifferences.Count})");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void LoadFile_EveryCorpusFile_MessagesMatchKeepalived()
    {
        if (!KeepalivedCli.IsInstalled)
        {
            Assert.False(KeepalivedCorpus.IsCi, "CI=true but keepalived is not installed");
            return;
        }

        var problems = new List<string>();
        foreach (var file in KeepalivedCorpus.Files())
        {
            var name = Path.GetFileName(file);
            var comparison = KeepalivedLiveComparison.Compare(file);
            Assert.NotNull(comparison);
            if (s_knownDifferences.ContainsKey(name))
            {
                continue;
            }

            problems.AddRange(comparison.Value.Missing.Select(m => $"{name} MISSING {m}"));
            problems.AddRange(comparison.Value.Extra.Select(m => $"{name} EXTRA {m}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
