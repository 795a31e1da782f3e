using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Proxy.Http.LogFormat;

namespace Proxy.Http.Rules;

/// <summary>
/// `replace-header NAME REGEX FMT` (each whole line) and `replace-value NAME REGEX FMT` (each comma-separated value):
/// where the regex matches, the line or value becomes the replacement with `\1`…`\9` taken from the match; the text
/// around the match is not kept (haproxy 2.6 src/http_act.c http_replace_hdrs, src/regex.c exp_replace). A replaced
/// value loses the blanks around it, as in HAProxy.
/// </summary>
internal sealed class ReplaceHeaderAction(string name, Regex regex, LogFormatExpression replacement, bool perValue, bool response) : IHttpRequestAction
{
    public ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        var headers = response ? context.Response.Headers : context.Request.Headers;
        var lines = headers[name];
        if (lines.Count == 0)
        {
            return ValueTask.FromResult(RuleOutcome.Continue);
        }

        var format = replacement.Evaluate(context);
        var result = new string[lines.Count];
        var changed = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? "";
            result[i] = perValue ? ReplaceValues(line, format) : Replace(line, format) ?? line;
            changed |= !ReferenceEquals(result[i], line);
        }

        if (changed)
        {
            headers[name] = new StringValues(result);
            if (!response)
            {
                Wire.InPlaceHeaderEdits.Note(context, name);
            }
        }

        return ValueTask.FromResult(RuleOutcome.Continue);
    }

    private string ReplaceValues(string line, string format)
    {
        var parts = line.Split(',');
        var changed = false;
        for (var i = 0; i < parts.Length; i++)
        {
            if (Replace(parts[i].Trim(' ', '\t'), format) is { } replaced)
            {
                parts[i] = replaced;
                changed = true;
            }
        }

        return changed ? string.Join(',', parts) : line;
    }

    private string? Replace(string text, string format) => RegexReplacement.Apply(regex, text, format);
}
