using ConfigParser.Model.Conditions;

namespace Proxy.Http.Conditions;

/// <summary>
/// `req.hdr_val`: each header value read as an integer the way haproxy 2.6 strl2ic() does (an optional '-', then
/// the leading digits; none gives 0), then `-m int` ranges, `-m bool` (non-zero) or `-m found`.
/// </summary>
internal sealed class IntegerTextMatch(MatchMethod method, IntegerRangePattern[] ranges) : IStringMatch
{
    public bool Matches(ReadOnlySpan<char> sample)
    {
        var value = Parse(sample);
        return method switch
        {
            MatchMethod.Found => true,
            MatchMethod.Bool => value != 0,
            _ => IntegerRanges.Contains(ranges, value),
        };
    }

    private static long Parse(ReadOnlySpan<char> text)
    {
        var negative = !text.IsEmpty && text[0] == '-';
        long value = 0;
        foreach (var c in negative ? text[1..] : text)
        {
            if (c is < '0' or > '9')
            {
                break;
            }

            value = unchecked((value * 10) + (c - '0'));
        }

        return negative ? -value : value;
    }
}
