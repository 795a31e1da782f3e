namespace ConfigParser.Keepalived.Parsing;

/// <summary>The kinds of `{ }` block keepalived.conf has; each has its own keyword table (<see cref="KeywordSchema"/>).</summary>
internal enum BlockKind
{
    /// <summary>The top level of the file.</summary>
    Root,

    /// <summary>`global_defs`.</summary>
    GlobalDefs,

    /// <summary>`vrrp_script`.</summary>
    VrrpScript,

    /// <summary>`vrrp_instance`.</summary>
    VrrpInstance,

    /// <summary>`authentication` inside an instance.</summary>
    Authentication,

    /// <summary>`vrrp_sync_group`.</summary>
    SyncGroup,

    /// <summary>`virtual_server`.</summary>
    VirtualServer,

    /// <summary>`real_server`.</summary>
    RealServer,

    /// <summary>TCP_CHECK, UDP_CHECK, PING_CHECK, and SMTP_CHECK's `host`.</summary>
    Checker,

    /// <summary>HTTP_GET and SSL_GET.</summary>
    HttpChecker,

    /// <summary>MISC_CHECK.</summary>
    MiscChecker,

    /// <summary>SMTP_CHECK.</summary>
    SmtpChecker,

    /// <summary>DNS_CHECK.</summary>
    DnsChecker,

    /// <summary>`url` inside HTTP_GET / SSL_GET.</summary>
    Url,

    /// <summary>A block whose every line is an item, not a keyword (`virtual_ipaddress`, `group`, …).</summary>
    List,

    /// <summary>A block this parser reads without checking its keywords (`bfd_instance`, `vrrp_track_file`, …).</summary>
    Opaque,
}
