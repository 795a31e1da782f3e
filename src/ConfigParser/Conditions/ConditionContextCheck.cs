using ConfigParser.Conditions.Keywords;
using ConfigParser.Diagnostics;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// Warns when a condition uses fetches that cannot work where the rule runs, e.g. `res.hdr` in a use_backend rule
/// (src/cfgparse.c `warnif_cond_conflicts`, src/acl.c `acl_cond_conflicts`, `acl_cond_kw_conflicts`). The caller
/// runs it right after parsing the rule, with the rule's context and the proxy's ACLs declared so far.
/// </summary>
internal static class ConditionContextCheck
{
    private static readonly string[] ContextNames =
    [
        "frontend tcp-request connection rule", "frontend tcp-request session rule", "frontend tcp-request content rule",
        "frontend http-request header rule", "frontend http-request body rule", "frontend use-backend rule",
        "backend tcp-request content rule", "backend http-request header rule", "backend http-request body rule",
        "backend use-server, balance or stick-match rule", "server source selection", "backend tcp-response content rule",
        "backend http-response header rule", "backend http-response body rule", "backend stick-store rule",
        "frontend tcp-response content rule", "frontend http-response header rule", "frontend http-response body rule",
        "logs", "backend tcp-check rule", "configuration parser", "CLI parser",
    ];

    /// <summary>HAProxy's name for a context (the lowest flag set), as printed in these warnings.</summary>
    public static string NameOf(SampleContexts where)
        => where == SampleContexts.None ? "" : ContextNames[System.Numerics.BitOperations.TrailingZeroCount((int)where)];

    /// <summary>
    /// Adds at most one warning, as HAProxy does: first an ACL that can never match in <paramref name="where"/>,
    /// else an ACL with at least one keyword that cannot. <paramref name="namedAcl"/> gives the criteria of every
    /// `acl` line of that name declared so far in the proxy.
    /// </summary>
    /// <param name="condition">The parsed condition.</param>
    /// <param name="where">Where the rule runs.</param>
    /// <param name="namedAcl">The proxy's criteria for a name.</param>
    /// <param name="diagnostics">Where the warning goes.</param>
    /// <param name="tcpRule">For tcp-request/tcp-response rules, e.g. "tcp-request content": src/tcp_rules.c words
    /// its warnings differently ("will never match in 'tcp-request content' because …", "involves keyword").</param>
    public static void Warn(
        RuleCondition condition, SampleContexts where, Func<string, IEnumerable<AclCriterion>> namedAcl, DiagnosticBag diagnostics, string? tcpRule = null)
    {
        if (condition.Expression is not OrCondition or)
        {
            return;
        }

        var terms = or.Suites.SelectMany(s => s.Terms).Select(t => Describe(t.Operand, namedAcl)).ToList();
        var context = NameOf(where);
        foreach (var (name, criteria) in terms)
        {
            if (!criteria.Any(c => (ValidIn(c) & where) != 0))
            {
                var inRule = tcpRule is null ? "" : $" in '{tcpRule}'";
                diagnostics.Warning(condition.Location, name.Length > 0
                    ? $"acl '{name}' will never match{inRule} because it only involves keywords that are incompatible with '{context}'"
                    : $"anonymous acl will never match{inRule} because it uses keyword '{Keyword(criteria[0])}' which is incompatible with '{context}'");
                return;
            }
        }

        foreach (var (name, criteria) in terms)
        {
            if (criteria.FirstOrDefault(c => (ValidIn(c) & where) == 0) is { } bad)
            {
                diagnostics.Warning(condition.Location, name.Length > 0
                    ? $"acl '{name}' involves {(tcpRule is null ? "keywords" : "keyword")} '{Keyword(bad)}' which is incompatible with '{context}'"
                    : $"anonymous acl involves keyword '{Keyword(bad)}' which is incompatible with '{context}'");
                return;
            }
        }
    }

    private static (string Name, IReadOnlyList<AclCriterion> Criteria) Describe(AclOperand operand, Func<string, IEnumerable<AclCriterion>> namedAcl)
        => operand switch
        {
            AclReference r => (r.Name, [.. namedAcl(r.Name)]),
            PredefinedAcl p => (p.Name, [p.Criterion]),
            AnonymousAcl a => ("", [a.Criterion]),
            _ => ("", []),
        };

    private static SampleContexts ValidIn(AclCriterion criterion)
        => KeywordCatalog.Fetches.TryGetValue(criterion.Sample.Fetch, out var fetch) ? fetch.ValidIn : ~SampleContexts.None;

    // src/acl.c: an ACL keyword names the expression unless converters follow it.
    private static string Keyword(AclCriterion criterion)
        => criterion.Sample.Converters.Count == 0 && criterion.Sample.AclKeyword is { } keyword ? keyword : criterion.Sample.Fetch;
}
