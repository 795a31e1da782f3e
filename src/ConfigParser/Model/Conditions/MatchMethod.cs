namespace ConfigParser.Model.Conditions;

/// <summary>
/// How an ACL compares a sample with its patterns: `-m &lt;method&gt;` (haproxy 2.6 configuration.txt §7.1.3,
/// src/pattern.c `pat_match_names`).
/// </summary>
public enum MatchMethod
{
    /// <summary>"found": the sample exists; patterns are ignored.</summary>
    Found,

    /// <summary>"bool": the sample, as a boolean, is true; patterns are ignored.</summary>
    Bool,

    /// <summary>"int": integer equality or range.</summary>
    Int,

    /// <summary>"ip": IPv4/IPv6 address or network.</summary>
    Ip,

    /// <summary>"bin": binary equality with hex patterns.</summary>
    Bin,

    /// <summary>"len": the sample's length matches an integer pattern.</summary>
    Len,

    /// <summary>"str": exact string.</summary>
    Str,

    /// <summary>"sub": substring.</summary>
    Sub,

    /// <summary>"reg": regular expression.</summary>
    Reg,

    /// <summary>"beg": prefix.</summary>
    Beg,

    /// <summary>"end": suffix.</summary>
    End,

    /// <summary>"dir": a slash-delimited component.</summary>
    Dir,

    /// <summary>"dom": a dot-delimited component.</summary>
    Dom,
}
