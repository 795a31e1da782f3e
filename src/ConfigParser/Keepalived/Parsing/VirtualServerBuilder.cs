using System.Globalization;
using System.Net;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Builds a <see cref="VirtualServer"/> and its real servers. Observed end-of-parse messages (no location):
/// "Virtual server [192.168.0.100]:tcp:53: no forwarding method set, setting default NAT" and
/// "Warning: Virtual server FWM 1: protocol specified for fwmark - protocol will be ignored".
/// </summary>
internal static class VirtualServerBuilder
{
    /// <summary>Builds the virtual server.</summary>
    public static VirtualServer Build(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var args = block.Arguments;
        var vs = new VirtualServer { Location = block.Location };
        if (args.Count >= 2 && args[0] == "fwmark")
        {
            vs = vs with { Fwmark = uint.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mark) ? mark : null };
        }
        else if (args.Count >= 2 && args[0] == "group")
        {
            vs = vs with { Group = args[1] };
        }
        else if (args.Count >= 1 && IPAddress.TryParse(args[0], out var address))
        {
            var port = args.Count > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
            vs = vs with { Address = address, Port = port };
        }
        else
        {
            context.Error(block.Location, $"Invalid virtual server address {string.Join(' ', args)}", block.Keyword);
        }

        var real = new List<RealServer>();
        var other = new List<KeepalivedDirective>();
        foreach (var d in block.Children)
        {
            var arg = d.Arguments.Count > 0 ? d.Arguments[0] : null;
            switch (d.Keyword)
            {
                case "delay_loop":
                    vs = ValueReader.TryDecimal(context, d, 0, 0.000001, ValueReader.MaxSeconds, out var loop) ? vs with { DelayLoop = loop } : vs;
                    break;
                case "lb_algo" or "lvs_sched":
                    vs = vs with { LbAlgo = arg };
                    break;
                case "lb_kind" or "lvs_method":
                    vs = vs with { LbKind = arg };
                    break;
                case "persistence_timeout":
                    if (ValueReader.TryUnsigned(context, d, 0, 1, 2678400, out var persistence))
                    {
                        vs = vs with { PersistenceTimeout = persistence };
                    }
                    else
                    {
                        context.Error(d.Location, "persistence_timeout invalid", d.Keyword);
                    }

                    break;
                case "protocol":
                    vs = vs with { Protocol = arg };
                    break;
                case "sorry_server":
                    vs = vs with { SorryServer = d.Arguments };
                    break;
                case "real_server":
                    real.Add(RealServer(context, d));
                    break;
                default:
                    other.Add(d);
                    break;
            }
        }

        return vs with { RealServers = real, Other = other };
    }

    /// <summary>The end-of-read checks on a virtual server.</summary>
    public static void CheckComplete(KeepalivedParseContext context, VirtualServer vs)
    {
        if (vs.RealServers.Count == 0)
        {
            // Observed: "Virtual server FWM 1 has no real servers - ignoring"; nothing else is then said about it.
            context.Warn(null, $"Virtual server {Name(vs)} has no real servers - ignoring");
            return;
        }

        if (vs.Fwmark is null && vs.Protocol is null)
        {
            // Observed (2.2.7): "Virtual server [10.1.1.1]:none:80: no protocol set - defaulting to UDP".
            context.Warn(null, $"Virtual server {Name(vs)}: no protocol set - defaulting to UDP");
            vs = vs with { Protocol = "UDP" };
        }

        if (vs.LbAlgo is null)
        {
            context.Warn(null, $"Virtual server {Name(vs)}: no scheduler set, setting default 'wlc'");
        }

        if (vs.Fwmark is { } mark)
        {
            if (vs.Protocol is not null)
            {
                context.Warn(null, $"Warning: Virtual server FWM {mark}: protocol specified for fwmark - protocol will be ignored");
            }

            return;
        }

        if (vs.LbKind is null && vs.Address is not null)
        {
            context.Warn(null, $"Virtual server {Name(vs)}: no forwarding method set, setting default NAT");
        }
    }

    private static string Name(VirtualServer vs) => vs switch
    {
        { Fwmark: { } mark } => $"FWM {mark}",
        { Group: { } group } => $"group {group}",
        _ => $"[{vs.Address}]:{(vs.Protocol ?? "none").ToLowerInvariant()}:{vs.Port}",
    };

    private static RealServer RealServer(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var args = block.Arguments;
        var rs = new RealServer
        {
            Location = block.Location,
            Address = args.Count > 0 && IPAddress.TryParse(args[0], out var a) ? a : null,
            Port = args.Count > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0,
        };
        if (rs.Address is null)
        {
            context.Error(block.Location, $"Invalid real server ip address/port {string.Join(' ', args)}", block.Keyword);
        }

        var checkers = new List<HealthChecker>();
        var other = new List<KeepalivedDirective>();
        foreach (var d in block.Children)
        {
            switch (d.Keyword)
            {
                case "weight":
                    if (ValueReader.TryUnsigned(context, d, 0, 0, int.MaxValue, out var weight))
                    {
                        rs = rs with { Weight = weight };
                    }
                    else
                    {
                        context.Error(d.Location, $"Real server weight {string.Join(' ', d.Arguments)} is outside range 0-{int.MaxValue}", d.Keyword);
                    }

                    break;
                case "inhibit_on_failure":
                    rs = rs with { InhibitOnFailure = true };
                    break;
                case "notify_up":
                    rs = rs with { NotifyUp = new NotifyScript(string.Join(' ', d.Arguments), d.Location) };
                    break;
                case "notify_down":
                    rs = rs with { NotifyDown = new NotifyScript(string.Join(' ', d.Arguments), d.Location) };
                    break;
                default:
                    if (d.Children.Count > 0 || d.Keyword.EndsWith("_CHECK", StringComparison.Ordinal) || d.Keyword.EndsWith("_GET", StringComparison.Ordinal))
                    {
                        checkers.Add(CheckerBuilder.Build(context, d));
                    }
                    else
                    {
                        other.Add(d);
                    }

                    break;
            }
        }

        return rs with { Checkers = checkers, Other = other };
    }
}
