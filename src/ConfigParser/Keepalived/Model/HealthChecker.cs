using System.Net;
using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>A real_server checker block (TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, …).</summary>
public sealed record HealthChecker
{
    /// <summary>Which checker.</summary>
    public required CheckerKind Kind { get; init; }

    /// <summary>Where the block starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>`connect_ip`.</summary>
    public IPAddress? ConnectIp { get; init; }

    /// <summary>`connect_port`.</summary>
    public int? ConnectPort { get; init; }

    /// <summary>`bindto`.</summary>
    public IPAddress? BindTo { get; init; }

    /// <summary>`connect_timeout` in seconds.</summary>
    public double? ConnectTimeout { get; init; }

    /// <summary>`retry` (older spelling `nb_get_retry`).</summary>
    public int? Retry { get; init; }

    /// <summary>`delay_before_retry` in seconds.</summary>
    public double? DelayBeforeRetry { get; init; }

    /// <summary>HTTP_GET / SSL_GET `url` blocks.</summary>
    public IReadOnlyList<HttpCheckUrl> Urls { get; init; } = [];

    /// <summary>MISC_CHECK `misc_path`.</summary>
    public string? MiscPath { get; init; }

    /// <summary>MISC_CHECK `misc_timeout` in seconds.</summary>
    public double? MiscTimeout { get; init; }

    /// <summary>MISC_CHECK `misc_dynamic`.</summary>
    public bool MiscDynamic { get; init; }

    /// <summary>Other known keywords, kept as read.</summary>
    public IReadOnlyList<KeepalivedDirective> Other { get; init; } = [];
}
