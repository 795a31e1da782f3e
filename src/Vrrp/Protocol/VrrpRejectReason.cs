namespace Vrrp.Protocol;

/// <summary>Why a received VRRP packet was not accepted (the cases keepalived 2.2.7 logs, ../shared/spec/vrrp.md).</summary>
public enum VrrpRejectReason
{
    /// <summary>Accepted.</summary>
    None,
    /// <summary>Shorter than its header or its declared address count and auth data.</summary>
    Truncated,
    /// <summary>Not the configured VRRP version.</summary>
    WrongVersion,
    /// <summary>Type other than 1 (advertisement).</summary>
    WrongType,
    /// <summary>The checksum does not verify.</summary>
    BadChecksum,
    /// <summary>For another virtual router (ignored silently, as keepalived does).</summary>
    OtherVirtualRouter,
    /// <summary>IP TTL / hop limit not 255 (RFC 5798 §7.1).</summary>
    WrongTtl,
    /// <summary>Auth type differs from ours (VRRPv2).</summary>
    AuthTypeMismatch,
    /// <summary>Simple password differs from ours (VRRPv2).</summary>
    WrongPassword,
    /// <summary>Advert interval differs from ours (VRRPv2, RFC 3768 §7.1).</summary>
    IntervalMismatch,
    /// <summary>The virtual address list differs from ours.</summary>
    AddressListMismatch,
    /// <summary>Address family of the packet does not match the instance.</summary>
    WrongFamily,
}
