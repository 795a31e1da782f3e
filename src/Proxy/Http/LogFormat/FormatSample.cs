using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>A log-format string used where a sample is expected (`set-var-fmt`): its text is the sample.</summary>
internal sealed class FormatSample(LogFormatExpression format) : ISampleFetch
{
    public string? Fetch(HttpContext context) => format.Evaluate(context);
}
