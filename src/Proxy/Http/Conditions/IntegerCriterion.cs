using ConfigParser.Model.Conditions;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>One ACL line over an integer or boolean fetch: `-m int` ranges, `-m bool` (non-zero) or `-m found`.</summary>
internal sealed class IntegerCriterion(IIntegerFetch fetch, MatchMethod method, IntegerRangePattern[] ranges) : IRequestPredicate
{
    public bool Matches(HttpContext context)
    {
        if (!fetch.TryGet(context, out var value))
        {
            return false;
        }

        return method switch
        {
            MatchMethod.Found => true,
            MatchMethod.Bool => value != 0,
            _ => IntegerRanges.Contains(ranges, value),
        };
    }
}
