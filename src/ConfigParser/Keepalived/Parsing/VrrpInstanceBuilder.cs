using System.Net;
using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Builds a <see cref="VrrpInstance"/>. Wordings observed with keepalived 2.2.7 `-t`:
/// "(V): VRID '300' not valid - must be between 1 &amp; 255", "(V) Priority not valid! must be between 1 &amp; 255.
/// Using default 100", "(V) Advert interval (abc) not valid! Must be &gt; 0 - ignoring",
/// "(V) cannot use a loopback interface (lo) for vrrp - ignoring".
/// </summary>
internal static class VrrpInstanceBuilder
{
    private static readonly HashSet<string> s_needArgument =
    [
        "state", "interface", "virtual_router_id", "priority", "advert_int", "preempt_delay", "unicast_src_ip",
        "garp_master_delay", "garp_master_repeat", "garp_master_refresh", "version",
    ];

    /// <summary>Builds the instance; every problem is a diagnostic.</summary>
    public static VrrpInstance Build(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var name = block.Arguments.Count > 0 ? block.Arguments[0] : string.Empty;
        var v = new VrrpInstance { Name = name, Location = block.Location };
        var other = new List<KeepalivedDirective>();
        foreach (var d in block.Children)
        {
            v = Apply(context, v, d, other);
        }

        return v with { Other = other };
    }

    private static VrrpInstance Apply(KeepalivedParseContext context, VrrpInstance v, KeepalivedDirective d, List<KeepalivedDirective> other)
    {
        var arg = d.Arguments.Count > 0 ? d.Arguments[0] : null;
        var n = v.Name;
        if (arg is null && s_needArgument.Contains(d.Keyword))
        {
            // Observed: `state` alone draws this line; `priority` or `advert_int` alone are silently ignored.
            return d.Keyword == "state"
                ? Report(context, d, $"*** Configuration line starting `{d.Keyword}` is missing a parameter after keyword `{d.Keyword}` at word position 2", v)
                : v;
        }

        switch (d.Keyword)
        {
            case "state":
                return arg switch
                {
                    "MASTER" => v with { State = VrrpState.Master },
                    "BACKUP" => v with { State = VrrpState.Backup },
                    _ => Report(context, d, $"({n}) unknown state '{arg}', defaulting to BACKUP", v),
                };
            case "interface" when arg is not null:
                if (context.Host.IsLoopback(arg))
                {
                    return Report(context, d, $"({n}) cannot use a loopback interface ({arg}) for vrrp - ignoring", v);
                }

                context.CheckInterface(arg, d.Location, $"WARNING - interface {arg} for vrrp_instance {n} doesn't exist");
                return v with { Interface = arg, InterfaceLocation = d.Location };
            case "virtual_router_id":
                return ValueReader.TryInt(context, d, 0, 1, 255, out var vrid)
                    ? v with { VirtualRouterId = vrid }
                    : Report(context, d, $"({n}): VRID '{arg}' not valid - must be between 1 & 255", v);
            case "priority":
                return ValueReader.TryInt(context, d, 0, 1, 255, out var priority)
                    ? v with { ConfiguredPriority = priority }
                    : Report(context, d, $"({n}) Priority not valid! must be between 1 & 255. Using default 100", v);
            case "advert_int":
                return ValueReader.TryDecimal(context, d, 0, 0.01, 255, out var advert)
                    ? v with { AdvertInterval = advert }
                    : Report(context, d, $"({n}) Advert interval ({arg}) not valid! Must be > 0 - ignoring", v);
            case "nopreempt":
                return v with { NoPreempt = true };
            case "preempt":
                return v with { NoPreempt = false };
            case "preempt_delay":
                return ValueReader.TryDecimal(context, d, 0, 0, 1000, out var delay) ? v with { PreemptDelay = delay } : v;
            case "authentication":
                return v with { Authentication = Authentication(context, d, n) };
            case "virtual_ipaddress":
                return v with { VirtualIpAddresses = [.. v.VirtualIpAddresses, .. VirtualIpParser.Parse(context, d, n, v.VirtualIpAddresses.FirstOrDefault()?.Address.AddressFamily)] };
            case "virtual_ipaddress_excluded":
                return v with { VirtualIpAddressesExcluded = [.. v.VirtualIpAddressesExcluded, .. VirtualIpParser.Parse(context, d, n)] };
            case "unicast_src_ip":
                return ValueReader.TryAddress(arg ?? string.Empty, out var src, out _)
                    ? v with { UnicastSourceIp = src }
                    : Report(context, d, $"Configuration error: VRRP instance[{n}] malformed src address[{arg}]. Skipping...", v);
            case "unicast_peer":
                return v with { UnicastPeers = [.. v.UnicastPeers, .. Peers(context, d, n)] };
            case "track_script":
                return v with { TrackScripts = [.. v.TrackScripts, .. TrackListParser.Parse(context, d, n)] };
            case "track_interface":
                return v with { TrackInterfaces = [.. v.TrackInterfaces, .. TrackListParser.Parse(context, d, n)] };
            case "notify_master":
                return ScriptChecks.CheckNotifyUser(context, d) ? v with { Notify = v.Notify with { Master = Joined(d) } } : v;
            case "notify_backup":
                return ScriptChecks.CheckNotifyUser(context, d) ? v with { Notify = v.Notify with { Backup = Joined(d) } } : v;
            case "notify_fault":
                return ScriptChecks.CheckNotifyUser(context, d) ? v with { Notify = v.Notify with { Fault = Joined(d) } } : v;
            case "notify_stop":
                return ScriptChecks.CheckNotifyUser(context, d) ? v with { Notify = v.Notify with { Stop = Joined(d) } } : v;
            case "notify":
                return ScriptChecks.CheckNotifyUser(context, d) ? v with { Notify = v.Notify with { Any = Joined(d) } } : v;
            case "smtp_alert":
                return v with { SmtpAlert = true };
            case "garp_master_delay":
                // Observed: "negative number '-1'" then "(V): garp_master_delay '-1' invalid - ignoring".
                return ValueReader.TryUnsigned(context, d, 0, 0, int.MaxValue, out var gd)
                    ? v with { GarpMasterDelay = gd }
                    : Report(context, d, $"({n}): garp_master_delay '{arg}' invalid - ignoring", v);
            case "garp_master_repeat":
                return ValueReader.TryInt(context, d, 0, 0, int.MaxValue, out var gr) ? v with { GarpMasterRepeat = gr } : v;
            case "garp_master_refresh":
                return ValueReader.TryInt(context, d, 0, 0, int.MaxValue, out var gf) ? v with { GarpMasterRefresh = gf } : v;
            case "version":
                return ValueReader.TryInt(context, d, 0, 2, 3, out var version) ? v with { Version = version } : v;
            case "use_vmac":
                return v with { UseVmac = true, VmacName = arg };
            case "dont_track_primary":
                return v with { DontTrackPrimary = true };
            case "lvs_sync_daemon_interface":
                // Observed: two lines, the second indented by eight spaces.
                context.Warn(d.Location, $"({n}) Specifying lvs_sync_daemon_interface against a vrrp is deprecated.", d.Keyword);
                context.Warn(d.Location, "        Please use global lvs_sync_daemon", d.Keyword);
                other.Add(d);
                return v;
            case "virtual_routes":
                RouteChecks.Check(context, d);
                other.Add(d);
                return v;
            default:
                other.Add(d);
                return v;
        }
    }

    private static VrrpInstance Report(KeepalivedParseContext context, KeepalivedDirective d, string message, VrrpInstance v)
    {
        context.Error(d.Location, message, d.Keyword);
        return v;
    }

    private static NotifyScript Joined(KeepalivedDirective d) => new(string.Join(' ', d.Arguments), d.Location);

    private static List<IPAddress> Peers(KeepalivedParseContext context, KeepalivedDirective block, string owner)
    {
        var peers = new List<IPAddress>();
        foreach (var line in block.Children)
        {
            if (ValueReader.TryAddress(line.Keyword, out var peer, out _))
            {
                peers.Add(peer);
            }
            else
            {
                context.Error(line.Location, $"Configuration error: VRRP instance[{owner}] malformed unicast peer address[{line.Keyword}]. Skipping...", block.Keyword);
            }
        }

        return peers;
    }

    private static VrrpAuthentication Authentication(KeepalivedParseContext context, KeepalivedDirective block, string owner)
    {
        VrrpAuthType? type = null;
        string? password = null;
        foreach (var d in block.Children)
        {
            var arg = d.Arguments.Count > 0 ? d.Arguments[0] : string.Empty;
            if (d.Keyword == "auth_type")
            {
                type = arg switch
                {
                    "PASS" => VrrpAuthType.Pass,
                    "AH" => VrrpAuthType.Ah,
                    _ => null,
                };
                if (type is null)
                {
                    context.Error(d.Location, $"({owner}) unknown authentication type '{arg}'", d.Keyword);
                }
            }
            else if (d.Keyword == "auth_pass")
            {
                password = arg;
                if (password.Length > 8)
                {
                    // Observed: "(file: Line 10) Truncating auth_pass to 8 characters".
                    context.Warn(d.Location, "Truncating auth_pass to 8 characters", d.Keyword);
                    password = password[..8];
                }
            }
        }

        return new VrrpAuthentication(type, password, block.Location);
    }
}
