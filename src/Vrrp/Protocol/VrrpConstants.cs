namespace Vrrp.Protocol;

/// <summary>Fixed values of the VRRP wire protocol.</summary>
public static class VrrpConstants
{
    /// <summary>IP protocol number of VRRP (RFC 5798 §5.1.1.4).</summary>
    public const int IpProtocol = 112;

    /// <summary>IPv4 multicast group for adverts (RFC 5798 §5.1.1.2).</summary>
    public const string IPv4Multicast = "224.0.0.18";

    /// <summary>IPv6 multicast group for adverts (RFC 5798 §5.1.2.2).</summary>
    public const string IPv6Multicast = "ff02::12";

    /// <summary>TTL / hop limit a sender sets and a receiver insists on (RFC 5798 §5.1.1.3, §7.1).</summary>
    public const int Ttl = 255;

    /// <summary>Priority of the address owner (RFC 5798 §5.2.4).</summary>
    public const int OwnerPriority = 255;

    /// <summary>Priority a master sends when it stops, so a backup takes over after Skew_Time (RFC 5798 §6.4.3).</summary>
    public const int ReleasePriority = 0;
}
