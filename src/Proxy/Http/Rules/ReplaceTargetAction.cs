using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Proxy.Http.Conditions;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>
/// `replace-path REGEX FMT` (the path, the query kept), `replace-pathq` (path and query) and `replace-uri` (the whole
/// target as received): where the regex matches, that part becomes the replacement (haproxy 2.6 configuration.txt §4.2).
/// </summary>
internal sealed class ReplaceTargetAction(string action, Regex regex, LogFormatExpression replacement) : IHttpRequestAction
{
    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var format = replacement.Evaluate(context);
        var (_, path, query) = RequestLineRewriter.Split(context);
        var target = action switch
        {
            "replace-path" => RegexReplacement.Apply(regex, path, format) is { } newPath ? newPath + query : null,
            "replace-pathq" => RegexReplacement.Apply(regex, path + query, format),
            _ => RegexReplacement.Apply(regex, RequestTarget.Url(context), format),
        };
        if (target is not null)
        {
            RequestLineRewriter.SetTarget(context, target);
        }

        return ValueTask.FromResult(RuleOutcome.Continue);
    }
}
