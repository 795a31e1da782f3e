using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ConfigParser.Tests;

/// <summary>The shipped haproxy.cfg.example, and random damage to it (the parser must never throw).</summary>
public sealed partial class HaproxyConfigLoaderTests
{
    /// <summary>Characters the tokenizer and reader treat specially, plus ordinary ones.</summary>
    private static readonly char[] Noise = ['"', '\'', '\\', '#', '$', '{', '}', '[', '*', ']', '\0', '\r', '\n', ' ', '\t', 'x', '0', ':', '-', 'é'];

    private static string ExampleText() => File.ReadAllText(ExamplePath());

    // The repository root is the directory holding Proxy.sln, above the test assembly's output folder.
    private static string ExamplePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Proxy.sln")))
            {
                return Path.Combine(directory.FullName, "haproxy.cfg.example");
            }
        }

        throw new FileNotFoundException("Proxy.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void LoadFiles_ShippedExample_ParsesWithoutAnyAlertOrWarning()
    {
        var result = HaproxyConfigLoader.LoadFiles([ExamplePath()], _ => null);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["www", "app1", "app2"], result.Config!.Frontends.Select(f => f.Name));
        Assert.Equal(["app", "app1", "app2"], result.Config.Backends.Select(b => b.Name));
    }

    [Fact]
    public void Parse_RandomlyDamagedExample_NeverThrowsAndCitesOnlyLinesOfTheFile()
    {
        var text = ExampleText();
        var edit = Gen.Elements(Noise).SelectMany(c => Gen.Choose(0, text.Length).SelectMany(at => Gen.Choose(0, 2).Select(kind => (kind, at, c))));
        var damage = Gen.ListOf(edit).Select(edits => edits.Aggregate(text, Apply));

        // A fixed seed keeps the run reproducible; a failure prints the damaged text that broke the parser.
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20251122UL), null)));
        Check.One(config, Prop.ForAll(damage.ToArbitrary(), damaged =>
        {
            var result = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", damaged)], _ => null);
            // A last line without LF still counts; the empty "line" after a final LF does not.
            var lineCount = damaged.Count(c => c == '\n') + (damaged.EndsWith('\n') || damaged.Length == 0 ? 0 : 1);
            return result.Diagnostics.All(d => d.Location is not { } at || (at.File == "t.cfg" && at.Line >= 1 && at.Line <= lineCount));
        }));
    }

    // kind 0 inserts the character, 1 replaces the one at the position, 2 deletes it.
    private static string Apply(string text, (int Kind, int At, char C) edit)
    {
        var at = Math.Min(edit.At, text.Length);
        return edit.Kind switch
        {
            0 => text.Insert(at, edit.C.ToString()),
            1 when at < text.Length => text.Remove(at, 1).Insert(at, edit.C.ToString()),
            2 when at < text.Length => text.Remove(at, 1),
            _ => text,
        };
    }
}
