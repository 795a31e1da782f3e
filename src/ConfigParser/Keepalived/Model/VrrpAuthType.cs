namespace ConfigParser.Keepalived.Model;

/// <summary>`auth_type` values (VRRPv2 only).</summary>
public enum VrrpAuthType
{
    /// <summary>PASS: simple password.</summary>
    Pass,

    /// <summary>AH: IPsec authentication header.</summary>
    Ah,
}
