using System.Net.Sockets;
using ConfigParser.Keepalived.Model;

namespace Vrrp.Config;

/// <summary>
/// Turns the parsed keepalived.conf into what the VRRP service runs, with keepalived 2.2.7's defaults. What this
/// build cannot run is an error naming file:line (the boundary that owns it): AH authentication, IPv6 adverts.
/// </summary>
public static class VrrpConfigMapper
{
    /// <summary>Maps <paramref name="config"/>; <paramref name="errors"/> lists what stops a start.</summary>
    public static VrrpNodeConfig Map(KeepalivedConfig config, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var scripts = config.Scripts.Where(s => s.Script is not null).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var instances = new List<VrrpInstanceConfig>();
        foreach (var instance in config.Instances)
        {
            if (MapInstance(instance, config.Global, scripts, problems) is { } mapped)
            {
                instances.Add(mapped);
            }
        }

        var groups = config.SyncGroups.Select(g => new SyncGroupConfig(g.Name, g.Members, g.Notify)).ToList();
        // keepalived 2.2: a sync group's track_script applies to every member instance.
        foreach (var group in config.SyncGroups.Where(g => g.TrackScripts.Count > 0))
        {
            var extra = group.TrackScripts.Where(t => scripts.ContainsKey(t.Name)).Select(t => new TrackReference(t.Name, t.Weight ?? scripts[t.Name].Weight)).ToList();
            for (var i = 0; i < instances.Count; i++)
            {
                if (group.Members.Contains(instances[i].Name))
                {
                    instances[i] = instances[i] with { TrackScripts = [.. instances[i].TrackScripts, .. extra] };
                }
            }
        }

        var tracked = instances.SelectMany(i => i.TrackScripts).Select(t => t.Name)
            .Concat(config.SyncGroups.SelectMany(g => g.TrackScripts).Select(t => t.Name))
            .Distinct(StringComparer.Ordinal)
            .Where(scripts.ContainsKey)
            .Select(name => Script(scripts[name], config.Global))
            .ToList();
        errors = problems;
        return new VrrpNodeConfig(instances, tracked, groups);
    }

    private static VrrpInstanceConfig? MapInstance(VrrpInstance instance, GlobalDefs global, Dictionary<string, VrrpScript> scripts, List<string> problems)
    {
        var where = $"vrrp_instance {instance.Name} ({instance.Location})";
        if (instance.Interface is not { } iface || instance.VirtualRouterId is not { } vrid)
        {
            problems.Add($"{where}: needs 'interface' and 'virtual_router_id'.");
            return null;
        }

        var version = instance.Version ?? global.VrrpVersion ?? 2;
        var authType = 0;
        var password = "";
        if (instance.Authentication is { } auth && version == 2)
        {
            if (auth.Type == VrrpAuthType.Ah)
            {
                problems.Add($"{where}: 'auth_type AH' is not supported (IPsec AH); use 'auth_type PASS' or VRRP version 3.");
                return null;
            }

            if (auth.Type == VrrpAuthType.Pass)
            {
                authType = 1;
                password = auth.Password ?? "";
            }
        }

        var addresses = instance.VirtualIpAddresses.Select(v => Address(v, iface, true))
            .Concat(instance.VirtualIpAddressesExcluded.Select(v => Address(v, iface, false)))
            .ToList();
        var families = addresses.Where(a => a.InAdvert).Select(a => a.Address.AddressFamily).Distinct().ToList();
        if (families.Count > 1)
        {
            // keepalived 2.2: an instance is IPv4 or IPv6 (from its first address); the others go in _excluded.
            problems.Add($"{where}: virtual_ipaddress mixes IPv4 and IPv6; put the other family in virtual_ipaddress_excluded.");
            return null;
        }

        if (families is [AddressFamily.InterNetworkV6] && version != 3)
        {
            problems.Add($"{where}: IPv6 virtual addresses need 'version 3' (VRRPv2 is IPv4 only, RFC 3768).");
            return null;
        }

        if (instance.UseVmac)
        {
            problems.Add($"{where}: 'use_vmac' is not supported.");
            return null;
        }

        // keepalived: VRRPv2 carries whole seconds; VRRPv3 centiseconds (RFC 5798 §5.2.7).
        var intervalCs = version == 2
            ? Math.Max(1, (int)Math.Round(instance.AdvertInterval)) * 100
            : Math.Clamp((int)Math.Round(instance.AdvertInterval * 100), 1, 4095);
        return new VrrpInstanceConfig
        {
            Name = instance.Name,
            Interface = iface,
            VirtualRouterId = vrid,
            Priority = instance.Priority,
            AdvertIntervalCentiseconds = intervalCs,
            Version = version,
            InitialState = instance.State,
            Preempt = !instance.NoPreempt,
            PreemptDelay = TimeSpan.FromSeconds(instance.PreemptDelay ?? 0),
            AuthType = authType,
            Password = password,
            Addresses = addresses,
            UnicastSource = instance.UnicastSourceIp,
            UnicastPeers = instance.UnicastPeers,
            TrackScripts = instance.TrackScripts
                .Where(t => scripts.ContainsKey(t.Name))
                .Select(t => new TrackReference(t.Name, t.Weight ?? scripts[t.Name].Weight))
                .ToList(),
            TrackInterfaces = instance.TrackInterfaces.Select(t => new TrackReference(t.Name, t.Weight ?? 0)).ToList(),
            TrackPrimary = !instance.DontTrackPrimary,
            Notify = instance.Notify,
            GarpMasterDelay = TimeSpan.FromSeconds(instance.GarpMasterDelay ?? global.VrrpGarpMasterDelay ?? 5),
            GarpMasterRepeat = instance.GarpMasterRepeat ?? global.VrrpGarpMasterRepeat ?? 5,
            GarpMasterRefresh = (instance.GarpMasterRefresh ?? global.VrrpGarpMasterRefresh) is int refresh and > 0 ? TimeSpan.FromSeconds(refresh) : null,
            Location = instance.Location.ToString(),
        };
    }

    private static VirtualAddress Address(VirtualIpAddress v, string iface, bool inAdvert)
        => new(v.Address, v.PrefixLength, v.Device ?? iface, v.Label, v.Broadcast, inAdvert);

    private static TrackedScript Script(VrrpScript s, GlobalDefs global)
    {
        var interval = TimeSpan.FromSeconds(s.Interval);
        return new TrackedScript(s.Name, s.Script!, interval, s.Timeout is { } t ? TimeSpan.FromSeconds(t) : interval,
            s.Weight, Math.Max(1, s.Rise), Math.Max(1, s.Fall), s.User ?? global.ScriptUser, s.User is null ? global.ScriptGroup : s.Group, s.WeightReverse);
    }
}
