using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A `bind` line: the address specification as written, the endpoints it expands to, and its settings.</summary>
public sealed record BindDefinition(SourceLocation Location, string Specification, IReadOnlyList<BindEndpoint> Endpoints)
{
    /// <summary>`ssl`: TLS is terminated on this listener.</summary>
    public bool Ssl { get; init; }

    /// <summary>`crt` files or directories, in order.</summary>
    public IReadOnlyList<string> Certificates { get; init; } = [];

    /// <summary>`crt-list` files.</summary>
    public IReadOnlyList<string> CertificateLists { get; init; } = [];

    /// <summary>`alpn`: comma-delimited protocol list; null when unset.</summary>
    public string? Alpn { get; init; }

    /// <summary>
    /// `maxconn`: concurrent connections of each listener (each address and port) of the line; 0 when unset, as in
    /// haproxy 2.6, where 0 leaves only the frontend's and the process's limits.
    /// </summary>
    public int MaxConn { get; init; }

    /// <summary>Every other 2.6 bind keyword given, with its argument (empty for flags), as written.</summary>
    public IReadOnlyDictionary<string, string> OtherSettings { get; init; } = NoSettings;

    // One shared empty map, so that records without other settings compare equal.
    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();
}
