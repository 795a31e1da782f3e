namespace ConfigParser.Keepalived.Model;

/// <summary>The real_server health checkers keepalived knows.</summary>
public enum CheckerKind
{
    /// <summary>TCP_CHECK.</summary>
    Tcp,

    /// <summary>HTTP_GET.</summary>
    HttpGet,

    /// <summary>SSL_GET.</summary>
    SslGet,

    /// <summary>MISC_CHECK.</summary>
    Misc,

    /// <summary>SMTP_CHECK.</summary>
    Smtp,

    /// <summary>DNS_CHECK.</summary>
    Dns,

    /// <summary>BFD_CHECK.</summary>
    Bfd,

    /// <summary>FILE_CHECK.</summary>
    File,
}
