using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Resolution;

/// <summary>
/// `http_auth(L)` and `http_auth_group(L)` must name a `userlist` of the configuration (haproxy 2.6 resolves these
/// arguments once every section is read, src/sample.c smp_resolve_args, and refuses the file otherwise).
/// </summary>
internal static class UserlistReferences
{
    /// <summary>
    /// Reports every reference to a userlist that does not exist, once per line; several are one alert, listed under
    /// "multiple argument resolution errors:" as HAProxy prints them.
    /// </summary>
    public static void Check(HaproxyConfig config, DiagnosticBag diagnostics)
    {
        var known = config.Userlists.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var proxies = config.Frontends.Select(f => (f.Name, f.Acls, Rules: f.HttpRequestRules.Concat(f.HttpResponseRules).Concat(f.RedirectRules)
                .Select(r => r.Condition).Concat(f.UseBackendRules.Select(u => u.Condition))))
            .Concat(config.Backends.Where(b => !b.IsListen).Select(b => (b.Name, b.Acls,
                Rules: b.HttpRequestRules.Concat(b.HttpResponseRules).Concat(b.RedirectRules).Select(r => r.Condition))));
        var reported = new HashSet<SourceLocation>();
        var errors = new List<(SourceLocation At, string Message, string Keyword)>();
        foreach (var (name, acls, conditions) in proxies)
        {
            var criteria = acls.Where(a => a.Criterion is not null).Select(a => (a.Location, a.Criterion!))
                .Concat(conditions.OfType<RuleCondition>().SelectMany(c => Anonymous(c).Select(a => (c.Location, a))));
            foreach (var (at, criterion) in criteria)
            {
                if (criterion.Sample.Fetch is "http_auth" or "http_auth_group"
                    && criterion.Sample.Arguments.FirstOrDefault()?.Trim() is { } list && !known.Contains(list) && reported.Add(at))
                {
                    errors.Add((at,
                        $"unable to find userlist '{list}' referenced in arg 1 of ACL keyword '{criterion.Sample.AclKeyword ?? criterion.Sample.Fetch}' in proxy '{name}'.",
                        criterion.Sample.Fetch));
                }
            }
        }

        if (errors.Count == 1)
        {
            diagnostics.Alert(errors[0].At, errors[0].Message, errors[0].Keyword, LocationPrefix.ParsingTight);
        }
        else if (errors.Count > 1)
        {
            diagnostics.Alert(null, "multiple argument resolution errors:" +
                string.Concat(errors.Select(e => $"\n        parsing [{e.At.File}:{e.At.Line}]: {e.Message}")), errors[0].Keyword);
        }
    }

    private static IEnumerable<AclCriterion> Anonymous(RuleCondition condition)
        => condition.Expression is OrCondition or
            ? or.Suites.SelectMany(s => s.Terms).Select(t => t.Operand).OfType<AnonymousAcl>().Select(a => a.Criterion)
            : [];
}
