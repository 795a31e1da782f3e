using Proxy.Http.LogFormat;

namespace Proxy.Http.Conditions;

/// <summary>
/// A converter other than `lower`/`upper` in an ACL (`map*`, `concat`, `field`, `regsub`), applied to each sample
/// before the match; a converter that yields no sample (a map without a match or default) makes the sample absent,
/// so nothing matches, not even `-m found` (haproxy 2.6 §7.3.1).
/// </summary>
internal sealed class ConvertingMatch(IStringMatch inner, ISampleConverter converter) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample)
        => converter.Convert(sample.ToString()) is { } converted && inner.Matches(converted);
}
