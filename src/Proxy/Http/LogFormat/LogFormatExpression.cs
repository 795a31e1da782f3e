using System.Text;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>
/// A log-format string compiled once (haproxy 2.6 configuration.txt §8.2.4): literal text and items, evaluated per
/// request without parsing. An absent sample contributes nothing, as in HAProxy's header and redirect values.
/// </summary>
internal sealed class LogFormatExpression
{
    private readonly ILogFormatItem[] _items;
    private readonly string? _constant;

    public LogFormatExpression(IReadOnlyList<ILogFormatItem> items)
    {
        _items = [.. items];
        if (_items.All(i => i is LiteralItem))
        {
            _constant = string.Concat(_items.Cast<LiteralItem>().Select(l => l.Text));
        }
    }

    /// <summary>True when the expression has no item that depends on the request.</summary>
    public bool IsConstant => _constant is not null;

    /// <summary>The text for this request.</summary>
    public string Evaluate(HttpContext context)
    {
        if (_constant is not null)
        {
            return _constant;
        }

        var builder = new StringBuilder();
        foreach (var item in _items)
        {
            item.Append(context, builder);
        }

        return builder.ToString();
    }
}
