namespace Proxy.Http.Maps;

/// <summary>How a `map_&lt;match&gt;` converter compares the sample with the keys (haproxy 2.6 configuration.txt §7.3.1).</summary>
internal enum MapMatch
{
    /// <summary>`map`, `map_str`: the whole sample equals the key.</summary>
    Str,

    /// <summary>`map_beg`: the longest key the sample starts with (haproxy indexes these in a prefix tree).</summary>
    Beg,

    /// <summary>`map_sub`: the first key found inside the sample.</summary>
    Sub,

    /// <summary>`map_dir`: the first key found as slash-delimited words of the sample.</summary>
    Dir,

    /// <summary>`map_dom`: the first key found as dot-delimited words of the sample.</summary>
    Dom,

    /// <summary>`map_end`: the first key the sample ends with.</summary>
    End,

    /// <summary>`map_reg`: the first key that, as a regular expression, matches the sample.</summary>
    Reg,

    /// <summary>`map_ip`: the most specific network (address or CIDR key) holding the sample's address.</summary>
    Ip,
}
