namespace Proxy.Health;

/// <summary>What a check result did to a server's state.</summary>
internal enum HealthTransition
{
    /// <summary>Still UP, or still DOWN.</summary>
    None,

    /// <summary>Was DOWN, now UP.</summary>
    WentUp,

    /// <summary>Was UP, now DOWN.</summary>
    WentDown,
}
