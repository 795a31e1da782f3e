using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`global_defs`: process-wide settings (keepalived.conf(5) "Global definitions").</summary>
public sealed record GlobalDefs
{
    /// <summary>Where the (first) block starts; null when there is none.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>`router_id`; keepalived defaults to the host name.</summary>
    public string? RouterId { get; init; }

    /// <summary>`notification_email { … }` addresses.</summary>
    public IReadOnlyList<string> NotificationEmails { get; init; } = [];

    /// <summary>`notification_email_from`.</summary>
    public string? NotificationEmailFrom { get; init; }

    /// <summary>`smtp_server` (address, optionally followed by a port).</summary>
    public string? SmtpServer { get; init; }

    /// <summary>`smtp_connect_timeout` in seconds.</summary>
    public double? SmtpConnectTimeout { get; init; }

    /// <summary>`enable_script_security`.</summary>
    public bool EnableScriptSecurity { get; init; }

    /// <summary>`script_user USER [GROUP]`: the user.</summary>
    public string? ScriptUser { get; init; }

    /// <summary>`script_user USER [GROUP]`: the group.</summary>
    public string? ScriptGroup { get; init; }

    /// <summary>`vrrp_strict`.</summary>
    public bool VrrpStrict { get; init; }

    /// <summary>`vrrp_skip_check_adv_addr`.</summary>
    public bool VrrpSkipCheckAdvAddr { get; init; }

    /// <summary>`vrrp_garp_interval` in seconds.</summary>
    public double? VrrpGarpInterval { get; init; }

    /// <summary>`vrrp_gna_interval` in seconds.</summary>
    public double? VrrpGnaInterval { get; init; }

    /// <summary>`vrrp_garp_master_delay` in seconds.</summary>
    public int? VrrpGarpMasterDelay { get; init; }

    /// <summary>`vrrp_garp_master_repeat`.</summary>
    public int? VrrpGarpMasterRepeat { get; init; }

    /// <summary>`vrrp_garp_master_refresh` in seconds.</summary>
    public int? VrrpGarpMasterRefresh { get; init; }

    /// <summary>`vrrp_version` (2 or 3).</summary>
    public int? VrrpVersion { get; init; }

    /// <summary>Other known keywords, kept as read.</summary>
    public IReadOnlyList<KeepalivedDirective> Other { get; init; } = [];
}
