using System.Text.RegularExpressions;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Model.Conditions;
using Proxy.Http.Auth;
using Proxy.Http.Conditions;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>
/// Turns one proxy's parsed `http-request` / `http-response` rules into actions with compiled conditions and
/// log-format values, once, when the runtime is built. A rule whose condition, value or action this proxy cannot
/// evaluate is reported through <c>unsupported</c> (naming its file:line) and left out, so the start is refused.
/// </summary>
internal sealed class HttpRuleCompiler(
    IReadOnlyList<AclDefinition> acls, IReadOnlyDictionary<string, Userlist> userlists, string proxyName, Action<SourceLocation, string, string> unsupported,
    IReadOnlyDictionary<string, Runtime.BackendState>? backends = null)
{
    private readonly ConditionCompiler _requestConditions = new(acls, userlists, backends: backends);
    private readonly ConditionCompiler _responseConditions = new(acls, userlists, response: true, backends: backends);

    /// <summary>The proxy's rules and options, compiled; `redirect` rules run after the `http-request` ones.</summary>
    public HttpRuleSet Compile(IReadOnlyList<HttpRequestRule> request, IReadOnlyList<HttpRequestRule> response, IReadOnlyList<ProxyOption> options,
        IReadOnlyList<HttpRedirectRule>? redirects = null)
        => new(
            CompileList(request, "http-request", CompileList(redirects ?? [], "redirect")),
            CompileList(response, "http-response"),
            ForwardFor.Find(options),
            HttpConnectionModes.Of(options)) { OriginalTo = ForwardFor.Find(options, "originalto") };

    private HttpRuleList CompileList(IReadOnlyList<HttpRequestRule> rules, string keyword, HttpRuleList? then = null)
    {
        if (rules.Count == 0)
        {
            return then ?? HttpRuleList.Empty;
        }

        var compiled = new List<(IRequestPredicate?, IHttpRequestAction)>(rules.Count);
        foreach (var rule in rules)
        {
            IRequestPredicate? condition = null;
            var conditions = keyword == "http-response" ? _responseConditions : _requestConditions;
            if (rule.Condition is { } written && (condition = conditions.Compile(written, out var reason)) is null)
            {
                unsupported(rule.Location, $"this '{keyword}' rule's condition uses {reason}, which this proxy does not evaluate yet.", keyword);
                continue;
            }

            if (Action(rule, keyword == "http-response", out var missing) is { } action)
            {
                compiled.Add((condition, action));
            }
            else
            {
                unsupported(rule.Location, $"this '{keyword}' rule uses {missing}, which this proxy does not evaluate yet.", keyword);
            }
        }

        return new HttpRuleList(compiled, then);
    }

    private IHttpRequestAction? Action(HttpRequestRule rule, bool response, out string? missing)
    {
        missing = null;
        switch (rule)
        {
            case HttpReturnRule r when !response:
                if (r.BodyIsFormat)
                {
                    return Format(r.Body ?? "", response, out missing) is { } body ? new ReturnAction(r, body) : null;
                }

                return new ReturnAction(r);
            case HttpAllowRule:
                return AllowAction.Instance;
            case HttpSetLogLevelRule logLevel:
                return new SetLogLevelAction(logLevel.Level);
            case HttpDenyRule deny:
                return new DenyAction(deny.Status, response ? "PH" : "PR");
            case HttpAuthRule auth when !response:
                return new AuthAction(auth.Realm ?? proxyName);
            case HttpHeaderRule { Action: "del-header" } header:
                return new DeleteHeaderAction(header.Name, header.MatchMethod, response);
            case HttpHeaderRule header:
                return Format(header.Value!, response, out missing) is { } value
                    ? new SetHeaderAction(header.Name, value, header.Action == "add-header", response)
                    : null;
            case HttpReplaceHeaderRule replace:
                if (!TryRegex(replace.Pattern, out var regex, out missing))
                {
                    return null;
                }

                return Format(replace.Replacement, response, out missing) is { } replacement
                    ? new ReplaceHeaderAction(replace.Name, regex, replacement, replace.Action == "replace-value", response)
                    : null;
            case HttpReplaceTargetRule replaceTarget when !response:
                if (!TryRegex(replaceTarget.Pattern, out var targetRegex, out missing))
                {
                    return null;
                }

                return Format(replaceTarget.Replacement, response, out missing) is { } targetFormat
                    ? new ReplaceTargetAction(replaceTarget.Action, targetRegex, targetFormat)
                    : null;
            case HttpRewriteRule rewrite when !response:
                return Format(rewrite.Format, response, out missing) is { } format ? new RewriteRequestAction(rewrite.Action, format) : null;
            case HttpRedirectRule redirect when !response:
                return Format(redirect.Target, response, out missing) is { } target ? new RedirectAction(redirect, target) : null;
            case HttpSetVarRule setVar:
                if (!VariableName.IsSupported(setVar.Variable))
                {
                    missing = $"variable '{setVar.Variable}' (scope not kept by this proxy)";
                    return null;
                }

                var sample = setVar.IsFormat
                    ? Format(setVar.Expression, response, out missing) is { } valueFormat ? new FormatSample(valueFormat) : null
                    : SampleExpressionCompiler.Compile(setVar.Expression, out missing, response);
                return sample is null ? null : new SetVariableAction(setVar.Variable, sample);
            case HttpUnsetVarRule unsetVar:
                if (!VariableName.IsSupported(unsetVar.Variable))
                {
                    missing = $"variable '{unsetVar.Variable}' (scope not kept by this proxy)";
                    return null;
                }

                return new UnsetVariableAction(unsetVar.Variable);
            case HttpSetStatusRule status:
                LogFormatExpression? reason = null;
                if (status.Reason is not null && (reason = Format(status.Reason, response, out missing)) is null)
                {
                    return null;
                }

                return new SetStatusAction(status.Status, reason);
            default:
                missing = $"the action {rule.GetType().Name}";
                return null;
        }
    }

    private static LogFormatExpression? Format(string text, bool response, out string? missing) => LogFormatCompiler.Compile(text, out missing, response);

    private static bool TryRegex(string pattern, out Regex regex, out string? missing)
    {
        missing = null;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            regex = null!;
            missing = $"the regular expression '{pattern}' (not understood by .NET's regex engine)";
            return false;
        }
    }
}
