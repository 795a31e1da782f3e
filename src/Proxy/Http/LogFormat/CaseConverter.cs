namespace Proxy.Http.LogFormat;

/// <summary>`lower` / `upper`: ASCII case conversion, as HAProxy's converters do (no culture rules).</summary>
internal sealed class CaseConverter(bool upper) : ISampleConverter
{
    public static CaseConverter Lower { get; } = new(false);

    public static CaseConverter Upper { get; } = new(true);

    public string? Convert(string value) => upper ? value.ToUpperInvariant() : value.ToLowerInvariant();
}
