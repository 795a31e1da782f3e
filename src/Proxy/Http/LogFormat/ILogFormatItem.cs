using System.Text;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>One piece of a compiled log-format string: literal text, a `%[sample]`, or a `%xx` variable.</summary>
internal interface ILogFormatItem
{
    /// <summary>Appends this item's text for the request.</summary>
    void Append(HttpContext context, StringBuilder builder);
}
