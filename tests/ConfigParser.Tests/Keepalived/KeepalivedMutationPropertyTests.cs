using ConfigParser.Keepalived;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ConfigParser.Tests.Keepalived;

/// <summary>Random character damage to corpus files: the loader never throws and cites only lines of the file.</summary>
public sealed class KeepalivedMutationPropertyTests
{
    /// <summary>Characters keepalived's reader treats specially, plus ordinary ones.</summary>
    private static readonly char[] Noise = ['"', '#', '!', '$', '{', '}', '@', '^', '\\', '=', '/', '*', '\0', '\r', '\n', ' ', '\t', 'x', '0', '.', 'é'];

    [Fact]
    public void Parse_RandomlyDamagedCorpusFile_NeverThrowsAndCitesOnlyLinesOfTheFile()
    {
        var texts = KeepalivedCorpus.Files().Select(File.ReadAllText).ToArray();
        if (texts.Length == 0)
        {
            return;
        }

        var edit = Gen.Elements(Noise).SelectMany(c => Gen.Choose(0, int.MaxValue).SelectMany(at => Gen.Choose(0, 2).Select(kind => (kind, at, c))));
        var damaged = Gen.Choose(0, texts.Length - 1)
            .SelectMany(i => Gen.ListOf(edit).Select(edits => edits.Aggregate(texts[i], Apply)));

        // A fixed seed keeps the run reproducible; a failure prints the damaged text that broke the loader.
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261122UL), null)));
        Check.One(config, Prop.ForAll(damaged.ToArbitrary(), text =>
        {
            var result = KeepalivedConfigLoader.Parse("t.conf", text, "vm");
            _ = result.Messages.ToList();
            var lineCount = text.Count(c => c == '\n') + (text.EndsWith('\n') || text.Length == 0 ? 0 : 1);
            return result.Config is not null
                   && result.Diagnostics.All(d => d.Location is not { } at || at.File != "t.conf" || (at.Line >= 1 && at.Line <= lineCount));
        }));
    }

    // kind 0 inserts the character, 1 replaces the one at the position, 2 deletes it; the position wraps.
    private static string Apply(string text, (int Kind, int At, char C) edit)
    {
        var at = text.Length == 0 ? 0 : edit.At % (text.Length + 1);
        return edit.Kind switch
        {
            0 => text.Insert(at, edit.C.ToString()),
            1 when at < text.Length => text.Remove(at, 1).Insert(at, edit.C.ToString()),
            2 when at < text.Length => text.Remove(at, 1),
            _ => text,
        };
    }
}
