using ConfigParser.Diagnostics;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Model;

/// <summary>
/// A `balance` line: the algorithm keyword (without its parenthesised argument, see <see cref="BalanceAlgorithms"/>),
/// the words after it as written, and the typed values of the algorithm's options (haproxy 2.6 §4.2 `balance`).
/// </summary>
public sealed record BalanceDefinition(SourceLocation? Location, string Algorithm, IReadOnlyList<string> Arguments)
{
    /// <summary>haproxy 2.6 falls back to roundrobin when no `balance` is given (3.3 changed that to random).</summary>
    public static BalanceDefinition Default { get; } = new(null, BalanceAlgorithms.RoundRobin, []);

    /// <summary>`uri len N`: hash only the first N characters; null when unset.</summary>
    public int? UriLength { get; init; }

    /// <summary>`uri depth N`: hash only the first N directories; null when unset.</summary>
    public int? UriDepth { get; init; }

    /// <summary>`uri whole`: include the query string.</summary>
    public bool UriWhole { get; init; }

    /// <summary>`uri path-only`: hash the path without the authority.</summary>
    public bool UriPathOnly { get; init; }

    /// <summary>`url_param NAME` or `hdr(NAME)` or `rdp-cookie(NAME)`: the parameter, header or cookie name.</summary>
    public string? Name { get; init; }

    /// <summary>`url_param NAME check_post [N]`: also look in the POST body (N bytes at most, 0 for unlimited).</summary>
    public int? CheckPost { get; init; }

    /// <summary>`hdr(NAME) use_domain_only`.</summary>
    public bool UseDomainOnly { get; init; }

    /// <summary>`random(N)`: number of draws; 2 by default.</summary>
    public int? RandomDraws { get; init; }

    /// <summary>`hash EXPR`: the sample expression, as written.</summary>
    public string? HashExpression { get; init; }

    /// <summary>`hash EXPR`: the expression parsed as a sample fetch with converters; null when it does not parse.</summary>
    public SampleExpression? HashSample { get; init; }
}
