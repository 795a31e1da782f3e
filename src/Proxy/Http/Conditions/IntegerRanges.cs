using ConfigParser.Model.Conditions;

namespace Proxy.Http.Conditions;

/// <summary>Integer range patterns (`n`, `a:b`, `a:`, `:b`, operators already folded by the parser).</summary>
internal static class IntegerRanges
{
    public static bool Contains(IntegerRangePattern[] ranges, long value)
    {
        foreach (var range in ranges)
        {
            if ((range.Min is not { } min || value >= min) && (range.Max is not { } max || value <= max))
            {
                return true;
            }
        }

        return false;
    }
}
