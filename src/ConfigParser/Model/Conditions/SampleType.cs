namespace ConfigParser.Model.Conditions;

/// <summary>
/// HAProxy 2.6's sample types (include/haproxy/sample-t.h `SMP_T_*`), as `haproxy -dKsmp` and `-dKcnv` name them.
/// </summary>
public enum SampleType
{
    /// <summary>"any": the converter accepts or returns any type.</summary>
    Any,

    /// <summary>"bool".</summary>
    Bool,

    /// <summary>"sint": signed 64-bit integer.</summary>
    Sint,

    /// <summary>"addr": an IPv4 or IPv6 address.</summary>
    Addr,

    /// <summary>"ipv4".</summary>
    Ipv4,

    /// <summary>"ipv6".</summary>
    Ipv6,

    /// <summary>"str".</summary>
    Str,

    /// <summary>"bin".</summary>
    Bin,

    /// <summary>"meth": an HTTP method.</summary>
    Meth,
}
