using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions.Keywords;

/// <summary>
/// Which sample type can be cast to which (src/sample.c `sample_casts`, HAProxy 2.6): decides whether a converter
/// can follow a step and whether `-m &lt;method&gt;` fits the sample.
/// </summary>
internal static class SampleCasts
{
    // Rows: from; columns: to. Order of SampleType: Any Bool Sint Addr Ipv4 Ipv6 Str Bin Meth.
    private static readonly bool[,] Table =
    {
        /* any  */ { true, true, true, true, true, true, true, true, true },
        /* bool */ { true, true, true, false, false, false, true, true, false },
        /* sint */ { true, true, true, true, true, true, true, true, false },
        /* addr */ { true, false, false, false, false, false, false, false, false },
        /* ipv4 */ { true, false, true, true, true, true, true, true, false },
        /* ipv6 */ { true, false, false, true, true, true, true, true, false },
        /* str  */ { true, true, true, true, true, true, true, true, true },
        /* bin  */ { true, false, false, false, false, false, true, true, true },
        /* meth */ { true, false, false, false, false, false, true, true, true },
    };

    /// <summary>True when a sample of type <paramref name="from"/> can be used where <paramref name="to"/> is expected.</summary>
    public static bool CanCast(SampleType from, SampleType to) => Table[(int)from, (int)to];

    /// <summary>The type a match method expects (src/pattern.c `pat_match_types`); null for `found`.</summary>
    public static SampleType? ExpectedBy(MatchMethod method) => method switch
    {
        MatchMethod.Found => null,
        MatchMethod.Bool or MatchMethod.Int => SampleType.Sint,
        MatchMethod.Ip => SampleType.Addr,
        MatchMethod.Bin => SampleType.Bin,
        _ => SampleType.Str,
    };
}
