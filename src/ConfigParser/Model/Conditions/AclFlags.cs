namespace ConfigParser.Model.Conditions;

/// <summary>The `-i -n -M -u -f` flags of an ACL (haproxy 2.6 configuration.txt §7.1.1).</summary>
public sealed record AclFlags
{
    /// <summary>`-i`: string and regex patterns ignore case.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>`-n`: IP patterns are never resolved with DNS.</summary>
    public bool NoDns { get; init; }

    /// <summary>`-M`: the `-f` files are map files (the first column is the pattern).</summary>
    public bool LoadAsMap { get; init; }

    /// <summary>`-u &lt;id&gt;`: the pattern list's unique id for the runtime API, when given.</summary>
    public int? UniqueId { get; init; }

    /// <summary>The `-f` files, in order; their patterns are already in the criterion's pattern list.</summary>
    public IReadOnlyList<string> PatternFiles { get; init; } = [];

    /// <summary>No flag set.</summary>
    public static AclFlags None { get; } = new();
}
