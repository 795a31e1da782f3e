namespace Proxy.Http;

/// <summary>What an action means for the rules after it (haproxy 2.6 src/http_ana.c: ACT_RET_CONT, ACT_RET_STOP, ACT_RET_ABRT/DONE).</summary>
internal enum RuleOutcome
{
    /// <summary>Go on with the next rule.</summary>
    Continue,

    /// <summary>`allow`: skip the remaining rules of this list; the request goes on.</summary>
    Stop,

    /// <summary>The action produced the response (deny, redirect, return, auth): nothing else runs.</summary>
    Responded,
}
