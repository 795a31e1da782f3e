using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>
/// `redirect location|prefix|scheme TARGET [code N] [drop-query] [append-slash] [set-cookie|clear-cookie C] [ignore-empty]`
/// with HAProxy 2.6's answer (src/http_ana.c http_apply_redirect_rule): the status, `content-length: 0`, `location`,
/// `cache-control: no-cache` except for the permanent 301 and 308, then the cookie; no body.
/// </summary>
internal sealed class RedirectAction : IHttpRequestAction
{
    private readonly HttpRedirectRule _rule;
    private readonly LogFormatExpression _target;
    private readonly bool _dropQuery;
    private readonly bool _appendSlash;
    private readonly bool _ignoreEmpty;
    private readonly string? _cookie;

    public RedirectAction(HttpRedirectRule rule, LogFormatExpression target)
    {
        _rule = rule;
        _target = target;
        _dropQuery = rule.Options.Contains("drop-query");
        _appendSlash = rule.Options.Contains("append-slash");
        _ignoreEmpty = rule.Options.Contains("ignore-empty");
        var options = rule.Options;
        for (var i = 0; i + 1 < options.Count; i++)
        {
            // haproxy 2.6: "NAME[=value]; path=/;" to set, "NAME; path=/; Max-Age=0;" to clear.
            _cookie = options[i] switch
            {
                "set-cookie" => $"{options[i + 1]}; path=/;",
                "clear-cookie" => $"{options[i + 1]}; path=/; Max-Age=0;",
                _ => _cookie,
            };
        }
    }

    public async ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var target = _target.Evaluate(context);
        if (_ignoreEmpty && target.Length == 0)
        {
            return RuleOutcome.Continue;
        }

        var response = context.Response;
        response.Clear();
        response.StatusCode = _rule.Code;
        response.ContentLength = 0;
        response.Headers[HeaderNames.Location] = Location(context, target);
        if (_rule.Code is not (301 or 308))
        {
            response.Headers[HeaderNames.CacheControl] = "no-cache";
        }

        if (_cookie is not null)
        {
            response.Headers[HeaderNames.SetCookie] = _cookie;
        }

        await response.CompleteAsync();
        return RuleOutcome.Responded;
    }

    private string Location(HttpContext context, string target)
    {
        if (_rule.Kind == "location")
        {
            return target;
        }

        var (_, path, query) = RequestLineRewriter.Split(context);
        if (_appendSlash && !path.EndsWith('/'))
        {
            path += "/";
        }

        if (_dropQuery)
        {
            query = "";
        }

        if (_rule.Kind == "scheme")
        {
            var host = context.Request.Headers.Host;
            return $"{target}://{(host.Count > 0 ? host[0] : "")}{path}{query}";
        }

        // prefix: a lone "/" adds nothing in front of the path.
        return (target == "/" ? "" : target) + path + query;
    }
}
