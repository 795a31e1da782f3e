using System.Text;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>Literal text between log-format items.</summary>
internal sealed class LiteralItem(string text) : ILogFormatItem
{
    public string Text { get; } = text;

    public void Append(HttpContext context, StringBuilder builder) => builder.Append(Text);
}
