namespace Proxy.Health;

/// <summary>A checked server's published state (haproxy 2.6 SRV_ST_* as seen through checks).</summary>
internal enum ServerHealthPhase
{
    /// <summary>Takes traffic.</summary>
    Up,

    /// <summary>Checks pass but answered 404 with `disable-on-404`: no new balanced traffic ("is stopping").</summary>
    NoLb,

    /// <summary>Failed `fall` checks (or the first one after start).</summary>
    Down,
}
