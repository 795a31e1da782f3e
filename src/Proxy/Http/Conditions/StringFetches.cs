using System.Globalization;
using ConfigParser.Model.Conditions;

namespace Proxy.Http.Conditions;

/// <summary>The text fetches this proxy evaluates, by haproxy 2.6 keyword (configuration.txt §7.3.6).</summary>
internal static class StringFetches
{
    private static readonly BaseFetch Base = new();

    /// <summary>The fetch, or null when the keyword is not a supported text fetch.</summary>
    public static IStringFetch? Create(SampleExpression sample) => sample.Fetch switch
    {
        "url" => new RequestLineFetch(RequestLinePart.Url),
        "path" => new RequestLineFetch(RequestLinePart.Path),
        "query" => new RequestLineFetch(RequestLinePart.Query),
        "method" => new RequestLineFetch(RequestLinePart.Method),
        "req.ver" or "req_ver" => new RequestLineFetch(RequestLinePart.Version),
        "base" => Base,
        // The optional second argument (another query delimiter than '?') is not supported: the fetch stays refused.
        "url_param" or "urlp" when sample.Arguments.Count < 2 => new UrlParameterFetch(Argument(sample, 0) ?? ""),
        "hdr" or "req.hdr" when Argument(sample, 0) is { Length: > 0 } name && TryOccurrence(sample, out var occurrence)
            => new HeaderFetch(name, occurrence, splitCommas: true),
        "res.hdr" or "shdr" when Argument(sample, 0) is { Length: > 0 } name && TryOccurrence(sample, out var occurrence)
            => new HeaderFetch(name, occurrence, splitCommas: true, response: true),
        "var" when Argument(sample, 0) is { } variable && LogFormat.VariableName.IsSupported(variable) => new VariableFetch(variable),
        "req.fhdr" when Argument(sample, 0) is { Length: > 0 } name && TryOccurrence(sample, out var occurrence)
            => new HeaderFetch(name, occurrence, splitCommas: false),
        _ => TlsFetches.Text(sample),
    };

    /// <summary>The argument at that position, trimmed, or null when absent.</summary>
    public static string? Argument(SampleExpression sample, int index)
        => index < sample.Arguments.Count ? sample.Arguments[index].Trim() : null;

    private static bool TryOccurrence(SampleExpression sample, out int occurrence)
    {
        occurrence = 0;
        var text = Argument(sample, 1);
        return string.IsNullOrEmpty(text) || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out occurrence);
    }
}
