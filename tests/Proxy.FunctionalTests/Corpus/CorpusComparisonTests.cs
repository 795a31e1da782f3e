using System.Collections.Concurrent;
using Proxy.FunctionalTests.Common;
using Xunit.Abstractions;

namespace Proxy.FunctionalTests.Corpus;

/// <summary>
/// Every file of the shared corpus through the real checker and through ours, side by side: `haproxy -c -f` against
/// `proxy -c -f`, and `keepalived -t -f` against `proxy -c -k`. The verdicts (and for an invalid file the first
/// blamed file:line) must agree, except for the files listed with a reason in tests/corpus-differences.tsv.
/// UPDATE_CORPUS_DIFFERENCES=1 rewrites that list instead of failing; CORPUS_ALLOW_UNEXPLAINED=1 reports rows
/// whose reason is still UNEXPLAINED instead of failing on them.
/// </summary>
public sealed class CorpusComparisonTests(ITestOutputHelper output)
{
    private const int Parallelism = 4;
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromSeconds(30);

    private static bool Ci => Environment.GetEnvironmentVariable("CI") == "true";

    [RequiresCorpusFact]
    public async Task Check_EveryCorpusFile_SameVerdictAsReferenceOrListedDifference()
    {
        Assert.True(CorpusPaths.Root is not null, "../shared/corpus is required (CI=true) but not there");
        var haproxy = Haproxy.Require();
        var keepalived = Keepalived.Path;
        Assert.True(keepalived is not null || !Ci, "keepalived is required (CI=true) but not installed");
        if (keepalived is null)
        {
            output.WriteLine("keepalived is not installed: the keepalived corpus is not compared.");
        }

        var compared = await CompareAllAsync(haproxy, keepalived);
        var listed = DifferencesFile.Read(CorpusPaths.DifferencesFile)
            .Where(pair => keepalived is not null || !pair.Key.StartsWith("keepalived/", StringComparison.Ordinal))
            .ToDictionary();
        var found = compared.Where(c => c.Differs).Select(c => Row(c, listed)).ToList();

        if (Environment.GetEnvironmentVariable("UPDATE_CORPUS_DIFFERENCES") == "1")
        {
            DifferencesFile.Write(CorpusPaths.DifferencesFile, found);
            output.WriteLine($"UPDATE_CORPUS_DIFFERENCES=1: wrote {found.Count} rows to {CorpusPaths.DifferencesFile}");
            listed = found.ToDictionary(r => r.File);
        }

        var (problems, notes) = Problems(compared, found, listed);
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }

        var unexplained = listed.Values.Where(r => r.Reason == DifferenceReason.Unexplained).OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        output.WriteLine($"corpus: {compared.Count} files, {compared.Count(c => !c.Differs)} same verdict, " +
                         $"{listed.Count} listed differences, {unexplained.Count} unexplained");
        foreach (var row in unexplained)
        {
            output.WriteLine($"unexplained: {row.ToTsv()}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var allowUnexplained = Environment.GetEnvironmentVariable("CORPUS_ALLOW_UNEXPLAINED") == "1";
        Assert.True(allowUnexplained || unexplained.Count == 0,
            $"{unexplained.Count} differing verdict(s) have reason {DifferenceReason.Unexplained}: a syntax verdict that differs " +
            "is a bug to fix, not to list (CORPUS_ALLOW_UNEXPLAINED=1 reports them instead):\n" +
            string.Join("\n", unexplained.Select(r => r.ToTsv())));
    }

    /// <summary>
    /// Unlisted differences, rows that changed, and listed files that agree now; each with a row to paste. A row
    /// whose reason is the environment only gives a note when the file agrees: on a machine where the hostnames
    /// resolve or the interfaces exist, the reference tool accepts it, and that is no reason to fail.
    /// </summary>
    private static (List<string> Problems, List<string> Notes) Problems(
        IReadOnlyList<FileComparison> compared, List<DifferenceRow> found, IReadOnlyDictionary<string, DifferenceRow> listed)
    {
        var (problems, notes) = (new List<string>(), new List<string>());
        foreach (var row in found)
        {
            if (!listed.TryGetValue(row.File, out var known))
            {
                problems.Add($"not listed in tests/corpus-differences.tsv; add:\n{row.ToTsv()}");
            }
            else if (!known.SameDifference(row))
            {
                problems.Add($"differs otherwise than listed ({known.Reference} / {known.Proxy}); replace with:\n{row.ToTsv()}");
            }
        }

        var differing = found.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        var verdicts = compared.ToDictionary(c => c.File, c => c.Reference.ToString(), StringComparer.Ordinal);
        foreach (var row in listed.Values.Where(r => !differing.Contains(r.File)).OrderBy(r => r.File, StringComparer.Ordinal))
        {
            var message = verdicts.TryGetValue(row.File, out var verdict)
                ? $"listed but both now say \"{verdict}\"; remove:\n{row.ToTsv()}"
                : $"listed but not in the corpus; remove:\n{row.ToTsv()}";
            (verdict is not null && row.Reason.StartsWith("environment:", StringComparison.Ordinal) ? notes : problems).Add(message);
        }

        return (problems, notes);
    }

    /// <summary>The row for a differing file; a hand-written reason survives while the difference stays the same.</summary>
    private static DifferenceRow Row(FileComparison c, IReadOnlyDictionary<string, DifferenceRow> listed)
    {
        var row = new DifferenceRow(c.File, c.Reference.ToString(), c.Proxy.ToString(),
            DifferenceReason.Derive(c.Corpus, c.Reference, c.Proxy, c.ProxyRun));
        return listed.TryGetValue(c.File, out var known) && known.SameDifference(row) && known.Reason != DifferenceReason.Unexplained
            ? row with { Reason = known.Reason }
            : row;
    }

    private static async Task<IReadOnlyList<FileComparison>> CompareAllAsync(string haproxy, string? keepalived)
    {
        var jobs = new List<(string Corpus, string Name)>();
        jobs.AddRange(CorpusPaths.Files("haproxy").Select(name => ("haproxy", name)));
        if (keepalived is not null)
        {
            jobs.AddRange(CorpusPaths.Files("keepalived").Select(name => ("keepalived", name)));
        }

        // Two processes per file; each is its own work item so the bounded pool stays busy.
        var runs = new ConcurrentDictionary<(string Corpus, string Name, bool Ours), CheckRun>();
        var work = jobs.SelectMany(j => new[] { (j.Corpus, j.Name, Ours: false), (j.Corpus, j.Name, Ours: true) });
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) =>
        {
            var folder = Path.Combine(CorpusPaths.Root!, item.Corpus);
            var (program, arguments) = (item.Corpus, item.Ours) switch
            {
                ("haproxy", false) => (haproxy, new[] { "-c", "-f", item.Name }),
                ("haproxy", true) => ("dotnet", [RepoPaths.ProxyDll, "-c", "-f", item.Name]),
                (_, false) => (keepalived!, ["-t", "-f", item.Name]),
                (_, true) => ("dotnet", [RepoPaths.ProxyDll, "-c", "-k", item.Name]),
            };
            runs[item] = await CheckRunner.RunAsync(program, arguments, folder, ProcessLimit);
        });

        return [.. jobs.Select(j =>
        {
            var reference = runs[(j.Corpus, j.Name, false)];
            var ours = runs[(j.Corpus, j.Name, true)];
            return j.Corpus == "haproxy"
                ? new FileComparison(j.Corpus, $"{j.Corpus}/{j.Name}", CheckVerdict.FromHaproxyStyle(reference, j.Name), CheckVerdict.FromHaproxyStyle(ours, j.Name), ours)
                : new FileComparison(j.Corpus, $"{j.Corpus}/{j.Name}", CheckVerdict.FromKeepalived(reference, j.Name), CheckVerdict.FromHaproxyStyle(ours, j.Name), ours);
        })];
    }

    private sealed record FileComparison(string Corpus, string File, CheckVerdict Reference, CheckVerdict Proxy, CheckRun ProxyRun)
    {
        public bool Differs => Reference.ToString() != Proxy.ToString();
    }
}
