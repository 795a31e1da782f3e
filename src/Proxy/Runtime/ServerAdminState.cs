namespace Proxy.Runtime;

/// <summary>A server's forced admin state (haproxy 2.6 agent words `ready`, `drain`, `maint`).</summary>
internal enum ServerAdminState
{
    /// <summary>No forced state: health and weight decide.</summary>
    Ready,

    /// <summary>UP, but effective weight 0: no new balanced traffic, existing sessions finish.</summary>
    Drain,

    /// <summary>Out of service whatever its health ("going DOWN for maintenance").</summary>
    Maint,
}
