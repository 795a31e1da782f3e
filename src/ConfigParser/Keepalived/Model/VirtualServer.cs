using System.Net;
using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`virtual_server ADDR PORT | fwmark N | group NAME { … }` (LVS).</summary>
public sealed record VirtualServer
{
    /// <summary>Where the block starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The address, for the ADDR PORT form.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The port, for the ADDR PORT form.</summary>
    public int? Port { get; init; }

    /// <summary>The mark, for the `fwmark` form.</summary>
    public uint? Fwmark { get; init; }

    /// <summary>The group name, for the `group` form.</summary>
    public string? Group { get; init; }

    /// <summary>`delay_loop` in seconds.</summary>
    public double? DelayLoop { get; init; }

    /// <summary>`lb_algo` (older spelling `lvs_sched`).</summary>
    public string? LbAlgo { get; init; }

    /// <summary>`lb_kind` (older spelling `lvs_method`): NAT, DR, TUN.</summary>
    public string? LbKind { get; init; }

    /// <summary>`persistence_timeout` in seconds.</summary>
    public int? PersistenceTimeout { get; init; }

    /// <summary>`protocol`: TCP, UDP, SCTP.</summary>
    public string? Protocol { get; init; }

    /// <summary>`sorry_server ADDR PORT`, as read.</summary>
    public IReadOnlyList<string>? SorryServer { get; init; }

    /// <summary>The real servers.</summary>
    public IReadOnlyList<RealServer> RealServers { get; init; } = [];

    /// <summary>Other known keywords, kept as read.</summary>
    public IReadOnlyList<KeepalivedDirective> Other { get; init; } = [];
}
