using ConfigParser.Model.Conditions;

namespace Proxy.Http.Conditions;

/// <summary>`-m len`: the sample's length is in one of the integer ranges.</summary>
internal sealed class LengthMatch(IntegerRangePattern[] ranges) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample) => IntegerRanges.Contains(ranges, sample.Length);
}
