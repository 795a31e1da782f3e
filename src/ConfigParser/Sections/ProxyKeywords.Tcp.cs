using ConfigParser.Conditions;
using ConfigParser.Directives;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// `tcp-request` (haproxy 2.6 src/tcp_rules.c tcp_parse_tcp_req): inspect-delay typed, rules kept with their condition;
/// `stick-table` (src/stick_table.c), which tcp-request track rules feed.
/// </summary>
internal static partial class ProxyKeywords
{
    private static void TcpRequest(KeywordContext<ProxyBuilder> c)
    {
        var stage = c.Line[1];
        var where = $"in {c.Section.Description}";
        if (stage.Length == 0)
        {
            c.Diagnostics.Alert(c.At, $"missing argument for 'tcp-request' {where}", "tcp-request");
            return;
        }

        if (stage == "inspect-delay")
        {
            if (c.Line[2].Length == 0 || TimeValueParser.Parse(c.Line[2], out var delay, out _, out _) != TimeValueParser.Failure.None)
            {
                c.Diagnostics.Alert(c.At, $"'tcp-request inspect-delay' expects a positive delay in milliseconds, {where}", "tcp-request");
                return;
            }

            c.Section.TcpInspectDelay = delay;
            UnimplementedKeyword.Handle(c);
            return;
        }

        if (stage is not ("connection" or "session" or "content"))
        {
            c.Diagnostics.Alert(c.At, $"'tcp-request' expects 'inspect-delay', 'connection', or 'content' {where} (got '{stage}')", "tcp-request");
            return;
        }

        var action = c.Line[2];
        if (!TcpRequestActions.IsKnown(stage, action))
        {
            c.Diagnostics.Alert(c.At, $"'tcp-request {stage}' expects {TcpRequestActions.Expected(stage)} {where} (got '{action}').", "tcp-request");
            return;
        }

        if (action is "accept" or "reject" && c.Line[3].Length > 0 && c.Line[3] is not ("if" or "unless"))
        {
            c.Diagnostics.Alert(c.At, $"'tcp-request {stage} {action}' only accepts 'if' or 'unless', {where} (got '{c.Line[3]}')", "tcp-request");
            return;
        }

        var conditionAt = c.Line.Count <= 3 ? -1 : c.Line.Words.ToList().FindIndex(3, w => w is "if" or "unless");
        Model.Conditions.RuleCondition? condition = null;
        if (conditionAt > 0)
        {
            var acls = c.Section.Acls;
            condition = ConditionParser.Parse(c.Line, conditionAt, acl => acls.Any(a => a.Name == acl), c.Diagnostics);
            if (condition is null)
            {
                return;
            }
        }

        var end = conditionAt > 0 ? conditionAt : c.Line.Count;
        c.Section.TcpRequestRules.Add(new TcpRequestRule(c.At, stage, c.Line[2], [.. c.Line.Words.Take(end).Skip(3)], condition));
        UnimplementedKeyword.Handle(c);
    }

    private static void StickTable(KeywordContext<ProxyBuilder> c)
    {
        if (StickTableParser.Parse(c.Line, c.Diagnostics) is { } table)
        {
            c.Section.StickTable = table;
            UnimplementedKeyword.Handle(c);
        }
    }

    // `tcp-check connect port N` gives health checks a port, so servers need none (haproxy 2.6 src/tcpcheck.c). The
    // verbs the health-check runtime runs are typed without a warning; the others are kept and warned about.
    private static void TcpCheck(KeywordContext<ProxyBuilder> c)
    {
        var verb = c.Line[1];
        if (verb == "connect" && c.Line.Words.Contains("port"))
        {
            c.Section.TcpCheckConnectsWithPort = true;
        }

        c.Section.TcpChecks.Add(new TcpCheckDirective(c.At, verb, [.. c.Line.Words.Skip(2)]));
        if (verb is not ("connect" or "send" or "send-binary" or "expect" or "comment"))
        {
            UnimplementedKeyword.Handle(c);
        }
    }

    // The verbs the health-check runtime runs are typed without a warning; the others are kept and warned about.
    private static void HttpCheck(KeywordContext<ProxyBuilder> c)
    {
        var verb = c.Line[1];
        c.Section.HttpChecks.Add(new HttpCheckDirective(c.At, verb, [.. c.Line.Words.Skip(2)]));
        if (verb is not ("send" or "expect" or "disable-on-404" or "send-state" or "comment"))
        {
            UnimplementedKeyword.Handle(c);
        }
    }

    private static void ResponseRule(KeywordContext<ProxyBuilder> c)
    {
        if (!ResponseRuleValidator.IsKnownAction(c.Line, c.Diagnostics))
        {
            return;
        }

        if (c.Line.Keyword != "http-response")
        {
            UnimplementedKeyword.Handle(c);
            return;
        }

        var acls = c.Section.Acls;
        if (HttpRequestRuleParser.ParseResponse(c.Line, c.Section.Description, c.Diagnostics, acl => acls.Any(a => a.Name == acl)) is { } rule)
        {
            c.Section.HttpResponseRules.Add(rule);
        }
    }
}
