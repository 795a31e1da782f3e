using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-request set-header|add-header NAME FMT` or `del-header NAME [-m METH]`.</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Action">"set-header", "add-header" or "del-header".</param>
/// <param name="Name">The header name.</param>
/// <param name="Value">The log-format value; null for del-header.</param>
public sealed record HttpHeaderRule(SourceLocation Location, string Action, string Name, string? Value) : HttpRequestRule(Location)
{
    /// <inheritdoc />
    public override bool IsFinal => false;

    /// <summary>How del-header compares names (`-m str|beg|end|sub|reg`, case-insensitive); "str" by default.</summary>
    public string MatchMethod { get; init; } = "str";
}
