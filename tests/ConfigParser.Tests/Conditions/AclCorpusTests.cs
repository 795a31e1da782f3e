using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Tests.Conditions;

/// <summary>
/// Every `acl` line and every rule condition (`use_backend`, `use-server`, `http-request`, `http-response`,
/// `redirect`, `tcp-request`, `tcp-response` … `if|unless`) of the shared corpus, parsed section by section.
/// The only errors allowed are those `haproxy -c` (2.6.12) reports for the same file and line, listed below
/// with haproxy's own message.
/// </summary>
public sealed class AclCorpusTests
{
    private static readonly HashSet<string> SectionKeywords =
        ["global", "defaults", "frontend", "backend", "listen", "peers", "resolvers", "userlist", "cache", "program", "http-errors", "ring", "mailers"];

    private static readonly HashSet<string> RuleKeywords =
        ["use_backend", "use-server", "http-request", "http-response", "http-after-response", "redirect", "tcp-request", "tcp-response"];

    // file:line → the message haproxy -c gives (after "parsing [file:line] : ").
    private static readonly Dictionary<string, string> RejectedByHaproxy = new(StringComparer.Ordinal)
    {
        ["067-stake-plus-ibp-haproxy-config-10-haproxy.cfg:129"] = "error detected while parsing ACL 'path_match' : ACL keyword 'path' : "
            + "invalid args in converter 'map_beg' : failed to open pattern file </opt/haproxy-3.0.2/etc/service_path_map.txt>..",
        ["067-stake-plus-ibp-haproxy-config-10-haproxy.cfg:130"] = "error detected while parsing switching rule : no such ACL : 'path_match'.",
        ["067-stake-plus-ibp-haproxy-config-10-haproxy.cfg:133"] = "error detected while parsing ACL 'domain_match' : invalid args in converter 'map' : "
            + "failed to open pattern file </opt/haproxy-3.0.2/etc/service_dns_map.txt> in ACL expression "
            + "'req.hdr(host),lower,map(/opt/haproxy-3.0.2/etc/service_dns_map.txt)'.",
        ["067-stake-plus-ibp-haproxy-config-10-haproxy.cfg:134"] = "error detected while parsing switching rule : no such ACL : 'domain_match'.",
    };

    [RequiresCorpusFact]
    public void Corpus_AclAndConditionLines_ParseAsHaproxyDoes()
    {
        var errors = new List<string>();
        var checkedLines = 0;
        foreach (var path in Directory.GetFiles(Corpus.Require(), "*.cfg").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in ConfigFileReader.Read(file, File.ReadAllText(path), _ => null, new DiagnosticBag()))
            {
                var diagnostics = new DiagnosticBag();
                if (SectionKeywords.Contains(line.Keyword))
                {
                    declared.Clear();
                    continue;
                }

                if (line.Keyword == "acl")
                {
                    checkedLines++;
                    if (AclParser.Parse(line, diagnostics) is { } acl)
                    {
                        declared.Add(acl.Name);
                    }
                }
                else if (RuleKeywords.Contains(line.Keyword) && FindCondition(line) is var start and > 0)
                {
                    checkedLines++;
                    ConditionParser.Parse(line, start, declared.Contains, diagnostics);
                }

                errors.AddRange(diagnostics.Items.Where(d => d.IsFatal).Select(d => $"{d.Location}: {d.Message}"));
            }
        }

        Assert.True(checkedLines > 100, $"only {checkedLines} lines checked");
        var expected = RejectedByHaproxy.Select(e => $"{e.Key}: {e.Value}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, errors.Order(StringComparer.Ordinal));
    }

    private static int FindCondition(ConfigLine line)
    {
        for (var i = 1; i < line.Count; i++)
        {
            if (line[i] is "if" or "unless")
            {
                return i;
            }
        }

        return -1;
    }
}
