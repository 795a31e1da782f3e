using System.Runtime.CompilerServices;
using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Conditions;

/// <summary>
/// Lines recorded with `haproxy -c` (2.6.12), one line per run, in frontend 'fe' at line 8 (the ACL lines) or
/// after `acl a path /` and `acl b src 1.2.3.4` (the rules), with haproxy's first alert for that line ("" when
/// the file was valid). The ACL lines are the corpus's ACLs, mutated (typo in the fetch, bad converter, open
/// parenthesis, too many arguments, forced methods, operators, missing patterns) plus every fetch, ACL keyword
/// and converter of the 2.6 listings; the rules are random mixes of names, operators, negations and braces.
/// Data/acl-lines-known-gaps.tsv keeps the lines whose message still differs (fetch- and converter-specific
/// argument checks such as `digest`, `sha2`, `distcc_param` or `internal.htx_blk.*`), which are not asserted.
/// </summary>
public sealed class HaproxyRecordedLinesTests
{
    private static readonly SourceLocation At = new(TestConfig.FileName, 8);

    public static TheoryData<string, string> AclLines => Read("acl-lines.tsv");

    public static TheoryData<string, string> ConditionLines => Read("condition-lines.tsv");

    [Theory]
    [MemberData(nameof(AclLines))]
    public void Parse_RecordedAclLine_GivesHaproxyFirstAlert(string line, string alert)
    {
        var diagnostics = new DiagnosticBag();

        var acl = AclParser.Parse(new ConfigLine(At, line.Split(' ')), diagnostics);

        Assert.Equal(alert, diagnostics.Items.FirstOrDefault(d => d.IsFatal)?.Message ?? "");
        Assert.Equal(alert.Length == 0, acl is not null);
    }

    [Theory]
    [MemberData(nameof(ConditionLines))]
    public void Parse_RecordedRule_GivesHaproxyFirstAlert(string line, string alert)
    {
        var diagnostics = new DiagnosticBag();
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var condition = ConditionParser.Parse(new ConfigLine(At, words), 2, name => name is "a" or "b", diagnostics);

        Assert.Equal(alert, diagnostics.Items.FirstOrDefault(d => d.IsFatal)?.Message ?? "");
        Assert.Equal(alert.Length == 0, condition is not null);
    }

    private static TheoryData<string, string> Read(string name, [CallerFilePath] string source = "")
    {
        // The data sits next to this file; tests always run from the source tree.
        var data = new TheoryData<string, string>();
        foreach (var row in File.ReadAllLines(Path.Combine(Path.GetDirectoryName(source)!, "Data", name)))
        {
            var cells = row.Split('\t');
            data.Add(cells[0], cells[1]);
        }

        return data;
    }
}
