namespace Proxy.Health;

/// <summary>The result codes of one health check (haproxy 2.6 `check_status`, shown in stats and logs).</summary>
internal enum CheckStatus
{
    /// <summary>Socket error.</summary>
    SockErr,

    /// <summary>Layer4 check passed (TCP connect).</summary>
    L4Ok,

    /// <summary>Layer4 timeout.</summary>
    L4Tout,

    /// <summary>Layer4 connection problem ("Connection refused" …).</summary>
    L4Con,

    /// <summary>Layer6 check passed (SSL hello).</summary>
    L6Ok,

    /// <summary>Layer6 timeout.</summary>
    L6Tout,

    /// <summary>Layer6 invalid response.</summary>
    L6Rsp,

    /// <summary>Layer7 check passed.</summary>
    L7Ok,

    /// <summary>Layer7 check conditionally passed (404 with `disable-on-404`: the server goes NOLB).</summary>
    L7OkC,

    /// <summary>Layer7 timeout.</summary>
    L7Tout,

    /// <summary>Layer7 invalid response.</summary>
    L7Rsp,

    /// <summary>Layer7 wrong status.</summary>
    L7Sts,

    /// <summary>Passive health (`observe`): enough consecutive errors in live traffic.</summary>
    Hana,
}
