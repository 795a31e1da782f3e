using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Directives;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// The proxy-level `redirect location|prefix|scheme TARGET [options] [if|unless COND]` (haproxy 2.6 src/http_rules.c
/// http_parse_redirect_rule): the same options as `http-request redirect`, evaluated after the proxy's http-request rules.
/// </summary>
internal static partial class ProxyKeywords
{
    private static void Redirect(KeywordContext<ProxyBuilder> c)
    {
        var line = c.Line;
        var conditionAt = 1;
        while (conditionAt < line.Count && line[conditionAt] is not ("if" or "unless"))
        {
            conditionAt++;
        }

        var (rule, error) = HttpRequestRuleParser.ParseRedirect(line, [.. line.Words.Take(conditionAt).Skip(1)]);
        if (error is not null)
        {
            c.Diagnostics.Alert(c.At, $"error detected in {c.Section.Description} while parsing redirect rule : {error}", "redirect");
            return;
        }

        if (conditionAt < line.Count)
        {
            var acls = c.Section.Acls;
            var kind = c.Section.Kind == ProxyKind.Listen ? "listen" : c.Section.KindWord;
            var condition = ConditionParser.Parse(line, conditionAt, acl => acls.Any(a => a.Name == acl), c.Diagnostics,
                ConditionMessages.Redirect(kind, c.Section.Name));
            if (condition is null)
            {
                return;
            }

            rule = rule! with { Condition = condition };
        }

        c.Section.RedirectRules.Add((HttpRedirectRule)rule!);
    }
}
