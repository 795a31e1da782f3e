using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Rules;

/// <summary>
/// `del-header NAME [-m str|beg|end|sub|reg]`: removes every header whose name matches, compared without regard to
/// case (haproxy 2.6 configuration.txt §4.2 "http-request del-header").
/// </summary>
internal sealed class DeleteHeaderAction : IHttpRequestAction
{
    private readonly string _name;
    private readonly string _method;
    private readonly Regex? _regex;
    private readonly bool _response;

    public DeleteHeaderAction(string name, string method, bool response)
    {
        _name = name;
        _method = method;
        _response = response;
        _regex = method == "reg" ? new Regex(name, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) : null;
    }

    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var headers = _response ? context.Response.Headers : context.Request.Headers;
        if (_method == "str")
        {
            HeaderRemoval.Remove(headers, _name);
        }
        else
        {
            HeaderRemoval.Remove(headers, Matches);
        }

        return ValueTask.FromResult(RuleOutcome.Continue);
    }

    private bool Matches(string key) => _method switch
    {
        "beg" => key.StartsWith(_name, StringComparison.OrdinalIgnoreCase),
        "end" => key.EndsWith(_name, StringComparison.OrdinalIgnoreCase),
        "sub" => key.Contains(_name, StringComparison.OrdinalIgnoreCase),
        "reg" => _regex!.IsMatch(key),
        _ => string.Equals(key, _name, StringComparison.OrdinalIgnoreCase),
    };
}
