using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ConfigParser.Tests.Corpus;

/// <summary>
/// Random damage to every real haproxy.cfg of the shared corpus: the loader never throws, never hangs, and every
/// diagnostic with a location cites the file it was given and a line that exists in the damaged text.
/// </summary>
public sealed class CorpusMutationTests
{
    /// <summary>Characters the reader and tokenizer treat specially (quotes, escapes, comments, variables, NUL, line ends).</summary>
    private static readonly char[] Noise = ['"', '\'', '\\', '#', '$', '{', '}', '\0', '\r', '\n', ' ', '\t', '[', ']', ':', 'x', '0'];

    // 70 files x 16 cases, a few milliseconds each: the whole property stays within a few seconds.
    private const int CasesPerFile = 16;
    private const ulong Seed = 20261122UL;
    private static readonly TimeSpan ParseLimit = TimeSpan.FromSeconds(5);

    [RequiresCorpusFact]
    public void Parse_RandomlyMutatedCorpusFile_NeverThrowsNeverHangsAndCitesOnlyLinesOfTheFile()
    {
        var files = CorpusFiles.Haproxy();
        Assert.NotEmpty(files);
        for (var index = 0; index < files.Count; index++)
        {
            var name = Path.GetFileName(files[index]);
            var text = File.ReadAllText(files[index]);

            // A fixed seed per file keeps the run reproducible; a failure prints the file and the edits that broke it.
            var config = Config.QuickThrowOnFailure.WithMaxTest(CasesPerFile).WithQuietOnSuccess(true)
                .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed + (ulong)index), null)));
            Check.One(config, Prop.ForAll(Mutations(name, text).ToArbitrary(), mutation => Holds(name, mutation.Apply(text))));
        }
    }

    private static Gen<Mutation> Mutations(string name, string text)
    {
        var lineCount = Math.Max(1, text.Count(c => c == '\n'));
        var characterEdit =
            from kind in Gen.Elements(EditKind.Insert, EditKind.Replace, EditKind.Delete)
            from at in Gen.Choose(0, text.Length)
            from c in Gen.Elements(Noise)
            select new Edit(kind, at, c);
        var lineEdit =
            from kind in Gen.Elements(EditKind.DuplicateLine, EditKind.DropLine)
            from at in Gen.Choose(0, lineCount - 1)
            select new Edit(kind, at, '\0');
        var edit = Gen.Frequency((4, characterEdit), (1, lineEdit));
        return from count in Gen.Choose(1, 8)
               from edits in Gen.ListOf(edit, count)
               select new Mutation(name, [.. edits]);
    }

    private static bool Holds(string name, string damaged)
    {
        var result = ParseWithin(name, damaged, ParseLimit);

        // A last line without LF still counts; the empty "line" after a final LF does not.
        var lineCount = damaged.Count(c => c == '\n') + (damaged.EndsWith('\n') || damaged.Length == 0 ? 0 : 1);
        return result.Diagnostics.All(d => d.Location is not { } at || (at.File == name && at.Line >= 1 && at.Line <= lineCount));
    }

    /// <summary>Parses on a worker so that a parse that never ends fails the property instead of the whole run.</summary>
    private static ParseResult ParseWithin(string name, string text, TimeSpan limit)
    {
        // Every host "resolves": a mutated server name must not turn this robustness property into a DNS wait.
        var parse = Task.Run(() => HaproxyConfigLoader.Parse([new ConfigSource(name, text)], _ => null, _ => true));
        if (!parse.Wait(limit))
        {
            throw new TimeoutException($"parsing the mutated {name} took more than {limit}");
        }

        return parse.Result;
    }
}
