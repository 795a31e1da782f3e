using ConfigParser.Keepalived;
using Xunit.Abstractions;

namespace ConfigParser.Tests.Keepalived;

public sealed class ZzDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        foreach (var file in KeepalivedCorpus.Files())
        {
            var live = KeepalivedCli.Check(file)!.Value.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var ours = KeepalivedConfigLoader.LoadFile(file).Messages.Select(m => m.Replace(Path.GetDirectoryName(file) + "/", "")).ToHashSet();
            foreach (var m in live.Except(ours)) output.WriteLine($"{Path.GetFileName(file)[..3]} MISSING {m}");
            foreach (var m in ours.Except(live)) output.WriteLine($"{Path.GetFileName(file)[..3]} EXTRA   {m}");
        }
    }
}
