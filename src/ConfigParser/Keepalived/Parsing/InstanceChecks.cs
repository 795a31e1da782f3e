using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// The checks keepalived 2.2.7 makes once everything is read (vrrp_complete_init), with the wordings observed
/// with `keepalived -t`. Most carry no location because keepalived prints none.
/// </summary>
internal static class InstanceChecks
{
    /// <summary>The checks that carry a location (keepalived makes them while resolving tracked objects).</summary>
    public static void CheckTracking(KeepalivedParseContext context, VrrpInstance v, ISet<string> scripts)
    {
        var n = v.Name;
        foreach (var t in v.TrackScripts.Where(t => !scripts.Contains(t.Name)))
        {
            context.Error(t.Location, $"({n}) track script {t.Name} not found, ignoring...", "track_script");
        }

    }

    /// <summary>
    /// Tracked interfaces are looked up while the instance is read, so their messages fall in line order among the
    /// parse-time ones (observed: VI_1's "tracked interface" lines come before VI_2's "interface … doesn't exist").
    /// </summary>
    public static void CheckTrackedInterfaces(KeepalivedParseContext context, VrrpInstance v)
    {
        foreach (var t in v.TrackInterfaces.Where(t => t.Name != v.Interface))
        {
            context.CheckInterface(t.Name, t.Location, $"({v.Name}) tracked interface {t.Name} doesn't exist");
        }
    }

    /// <summary>
    /// The late checks; keepalived -t never reaches them once an interface is missing (observed: "Non-existent
    /// interface specified in configuration" is then its last line).
    /// </summary>
    public static void CheckComplete(KeepalivedParseContext context, VrrpInstance v, GlobalDefs global)
    {
        var n = v.Name;

        foreach (var t in v.TrackInterfaces.Where(t => t.Name == v.Interface))
        {
            context.Warn(null, $"({n}) Ignoring track_interface {t.Name} since own interface", "track_interface");
        }

        if (v.VirtualIpAddresses.Count == 0)
        {
            // Observed: an instance without addresses draws this and no VRID or interface complaint.
            context.Warn(null, $"({n}) No VIP specified; at least one is sensible", "virtual_ipaddress");
            return;
        }

        if (v.Interface is null)
        {
            // Observed after "cannot use a loopback interface (lo) for vrrp - ignoring".
            context.Error(null, $"({n}) Unknown interface!", "interface");
        }

        if (v.NoPreempt && v.State == VrrpState.Master)
        {
            context.Warn(null, $"({n}) Warning - nopreempt will not work with initial state MASTER - clearing", "nopreempt");
        }

        if (v.VirtualRouterId is null)
        {
            context.Error(null, $"({n}) the virtual router id must be set", "virtual_router_id");
        }


        if (global.VrrpStrict)
        {
            if (v.State == VrrpState.Master && v.Priority != 255)
            {
                context.Warn(null, $"({n}) State MASTER must match being address owner", "state");
            }

            if (v.Authentication is not null)
            {
                context.Warn(null, $"({n}) Strict mode does not support authentication. Ignoring.", "authentication");
            }
        }
        else if (v.Authentication is not null && (v.Version ?? global.VrrpVersion) == 3)
        {
            context.Warn(null, $"({n}) VRRP version 3 does not support authentication. Ignoring.", "authentication");
        }
        else if (v.Authentication?.Type == VrrpAuthType.Ah && v.State == VrrpState.Master && v.Priority != 255)
        {
            context.Warn(null, $"({n}) Initial state master is incompatible with AH authentication - clearing", "authentication");
        }
    }
}
