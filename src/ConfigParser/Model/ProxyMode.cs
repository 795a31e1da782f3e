namespace ConfigParser.Model;

/// <summary>haproxy 2.6: `mode tcp|http`; tcp is the default when no mode is set.</summary>
public enum ProxyMode
{
    /// <summary>Layer 4: bytes are relayed as they come.</summary>
    Tcp,

    /// <summary>Layer 7: requests are parsed, rules applied, then forwarded.</summary>
    Http,
}
