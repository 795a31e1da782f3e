namespace ConfigParser.Sections;

/// <summary>The mutable `global` settings while global sections are read.</summary>
internal sealed class GlobalBuilder
{
    /// <summary>`maxconn`; null while unset, and also after `maxconn 0` (HAProxy's "not set" value).</summary>
    public int? MaxConn { get; set; }

    public string? PidFile { get; set; }

    public bool Daemon { get; set; }

    /// <summary>`nbthread`; null while unset.</summary>
    public int? NbThread { get; set; }

    /// <summary>`master-worker`.</summary>
    public bool MasterWorker { get; set; }

    /// <summary>`log` lines.</summary>
    public List<Model.LogTarget> Logs { get; } = [];

    /// <summary>`log-send-hostname [NAME]`; null when unset.</summary>
    public string? LogSendHostname { get; set; }

    /// <summary>`log-tag`; null when unset.</summary>
    public string? LogTag { get; set; }

    /// <summary>`crt-base`: where relative certificate paths are looked up; null when unset.</summary>
    public string? CrtBase { get; set; }

    /// <summary>`spread-checks` percent.</summary>
    public int SpreadChecks { get; set; }

    /// <summary>`ssl-default-*` and `ssl-server-verify`, keyword → arguments as written.</summary>
    public Dictionary<string, string> SslDefaults { get; } = new(StringComparer.Ordinal);

    /// <summary>`stats socket` lines.</summary>
    public List<Model.StatsSocketDefinition> StatsSockets { get; } = [];
}
