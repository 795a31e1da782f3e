// ParseBench: how long one pass of HaproxyConfigLoader.Parse over the whole haproxy corpus takes, in process.
// Usage: ParseBench [--passes N] [--warmup N] [CORPUS_FOLDER]
// The files are read into memory first, so a pass measures parsing only (no disk). The environment lookup is
// empty ("$VAR" expands to nothing), as in the unit tests, so the figure does not depend on the shell.
using System.Diagnostics;
using ConfigParser;

var passes = 30;
var warmup = 5;
string? folder = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--passes" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p > 0:
            passes = p;
            i++;
            break;
        case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], out var w) && w >= 0:
            warmup = w;
            i++;
            break;
        default:
            if (args[i].StartsWith('-'))
            {
                Console.Error.WriteLine($"ParseBench: unknown or malformed option '{args[i]}'. Usage: ParseBench [--passes N] [--warmup N] [CORPUS_FOLDER]");
                return 2;
            }

            folder = args[i];
            break;
    }
}

folder ??= DefaultCorpus();
if (folder is null || !Directory.Exists(folder))
{
    Console.Error.WriteLine($"ParseBench: corpus folder not found ({folder ?? "../shared/corpus/haproxy next to Proxy.sln"}).");
    return 2;
}

var sources = Directory.GetFiles(folder).Order(StringComparer.Ordinal)
    .Select(path => new ConfigSource(Path.GetFileName(path), File.ReadAllText(path)))
    .ToList();
var bytes = sources.Sum(s => s.Text.Length);
var lines = sources.Sum(s => s.Text.Count(c => c == '\n'));

var valid = 0;
for (var i = 0; i < warmup; i++)
{
    valid = Pass(sources);
}

var times = new List<double>();
var perFile = sources.ToDictionary(s => s.Name, _ => new List<double>());
for (var i = 0; i < passes; i++)
{
    var watch = Stopwatch.StartNew();
    foreach (var source in sources)
    {
        var start = watch.Elapsed.TotalMilliseconds;
        HaproxyConfigLoader.Parse([source], _ => null, ResolvesInstantly);
        perFile[source.Name].Add(watch.Elapsed.TotalMilliseconds - start);
    }

    times.Add(watch.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine($"corpus: {folder}");
Console.WriteLine($"files: {sources.Count}, characters: {bytes}, lines: {lines}, valid for our parser: {valid}");
Console.WriteLine($"passes: {passes} after {warmup} warm-up passes; runtime {Environment.Version}, {Environment.ProcessorCount} CPUs");
Console.WriteLine($"one pass over the whole corpus: min {times[0]:F2} ms, median {Median(times):F2} ms, max {times[^1]:F2} ms");
Console.WriteLine("slowest files (median ms):");
foreach (var (name, median) in perFile.Select(f => (f.Key, Median([.. f.Value.Order()]))).OrderByDescending(f => f.Item2).Take(3))
{
    Console.WriteLine($"  {median,8:F3}  {name}");
}

return 0;

static int Pass(List<ConfigSource> sources) => sources.Count(source => HaproxyConfigLoader.Parse([source], _ => null, ResolvesInstantly).IsValid);

static double Median(List<double> sorted)
    => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

static string? DefaultCorpus()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Proxy.sln")))
        {
            return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpus", "haproxy"));
        }
    }

    return null;
}

// The parse is measured, not the machine's DNS: host names "resolve" at once (the loaders take the check injected).
static bool ResolvesInstantly(string host) => true;
