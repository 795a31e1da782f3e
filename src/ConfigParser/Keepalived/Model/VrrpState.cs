namespace ConfigParser.Keepalived.Model;

/// <summary>`state` of a vrrp_instance: the initial state keepalived is asked for.</summary>
public enum VrrpState
{
    /// <summary>BACKUP (keepalived's default).</summary>
    Backup,

    /// <summary>MASTER.</summary>
    Master,
}
