namespace ConfigParser.Model;

/// <summary>`balance` keywords, spelled as HAProxy 2.6 spells them (configuration.txt §4.2 `balance`).</summary>
public static class BalanceAlgorithms
{
    /// <summary>Weighted round robin, dynamic weights.</summary>
    public const string RoundRobin = "roundrobin";

    /// <summary>Weighted round robin, static weights.</summary>
    public const string StaticRoundRobin = "static-rr";

    /// <summary>The server with the fewest connections.</summary>
    public const string LeastConn = "leastconn";

    /// <summary>The first server with a free connection slot.</summary>
    public const string First = "first";

    /// <summary>A hash of the client's source address.</summary>
    public const string Source = "source";

    /// <summary>A hash of the URI (or part of it).</summary>
    public const string Uri = "uri";

    /// <summary>A hash of a URL parameter.</summary>
    public const string UrlParam = "url_param";

    /// <summary>A hash of a request header: written `hdr(NAME)`.</summary>
    public const string Header = "hdr";

    /// <summary>Random with N draws (power of N choices): written `random` or `random(N)`.</summary>
    public const string Random = "random";

    /// <summary>A hash of an RDP cookie: written `rdp-cookie` or `rdp-cookie(NAME)`.</summary>
    public const string RdpCookie = "rdp-cookie";

    /// <summary>A hash of a sample expression.</summary>
    public const string Hash = "hash";

    /// <summary>Every algorithm haproxy 2.6 accepts.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RoundRobin, StaticRoundRobin, LeastConn, First, Source, Uri, UrlParam, Header, Random, RdpCookie, Hash,
    };
}
