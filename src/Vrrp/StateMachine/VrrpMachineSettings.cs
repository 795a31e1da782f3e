using System.Net;

namespace Vrrp.StateMachine;

/// <summary>The election settings of one instance, from its vrrp_instance block.</summary>
/// <param name="Priority">Base `priority` (1-255; 255 = address owner).</param>
/// <param name="AdvertIntervalCentiseconds">`advert_int` in centiseconds.</param>
/// <param name="Preempt">False with `nopreempt`.</param>
/// <param name="PreemptDelay">`preempt_delay` (zero when absent).</param>
/// <param name="PrimaryAddress">Our primary (or unicast_src_ip) address, the RFC 5798 §6.4.3 tie-breaker.</param>
/// <param name="Version">VRRP version: 3 learns the master's interval (RFC 5798 §6.4.2), 2 does not.</param>
public sealed record VrrpMachineSettings(
    int Priority,
    int AdvertIntervalCentiseconds,
    bool Preempt,
    TimeSpan PreemptDelay,
    IPAddress PrimaryAddress,
    int Version = 2);
