namespace Proxy.Logging;

/// <summary>The framing of a log target (`log … format F`, haproxy 2.6 src/log.c build_log_header).</summary>
internal enum SyslogFormat
{
    /// <summary>Not set: `local` without a hostname, `rfc3164` with `log-send-hostname`.</summary>
    Unspecified,

    /// <summary>`&lt;PRI&gt;Mmm dd hh:mm:ss tag[pid]: msg`.</summary>
    Local,

    /// <summary>`&lt;PRI&gt;Mmm dd hh:mm:ss host tag[pid]: msg`.</summary>
    Rfc3164,

    /// <summary>`&lt;PRI&gt;1 ISO-ts host|- tag pid - - msg`.</summary>
    Rfc5424,

    /// <summary>`&lt;PRI&gt;msg`.</summary>
    Priority,

    /// <summary>`&lt;level&gt;msg` (systemd style).</summary>
    Short,

    /// <summary>`&lt;level&gt;ISO-ts msg`.</summary>
    Timed,

    /// <summary>`ISO-ts msg`.</summary>
    Iso,

    /// <summary>The message alone.</summary>
    Raw,
}
