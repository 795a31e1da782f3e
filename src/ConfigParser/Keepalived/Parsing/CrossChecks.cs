using System.Net.Sockets;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Checks between blocks, with keepalived 2.2.7's observed wordings: two instances sharing a VRID on one
/// interface ("V and W both use VRID 5 with IPv4 on interface eth0") and sync group membership.
/// </summary>
internal static class CrossChecks
{
    /// <summary>Reports instances that share a VRID, address family and interface.</summary>
    public static void CheckVrids(KeepalivedParseContext context, IReadOnlyList<VrrpInstance> instances)
    {
        var seen = new Dictionary<(string?, int, AddressFamily), VrrpInstance>();
        foreach (var v in instances)
        {
            if (v.VirtualRouterId is not { } vrid)
            {
                continue;
            }

            var family = v.VirtualIpAddresses.FirstOrDefault()?.Address.AddressFamily ?? AddressFamily.InterNetwork;
            var key = (v.Interface, vrid, family);
            if (seen.TryGetValue(key, out var first))
            {
                var ip = family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
                context.Warn(null, $"{first.Name} and {v.Name} both use VRID {vrid} with {ip} on interface {v.Interface}", "virtual_router_id");
            }
            else
            {
                seen[key] = v;
            }
        }
    }

    /// <summary>Reports sync group members that do not exist or are already in a group, and groups left too small.</summary>
    public static void CheckSyncGroups(KeepalivedParseContext context, IReadOnlyList<VrrpSyncGroup> groups, IReadOnlyList<VrrpInstance> instances)
    {
        var names = instances.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (g.Members.Count == 0)
            {
                context.Warn(null, $"Sync group {g.Name} has no virtual router(s). removing", "group");
                continue;
            }

            var count = 0;
            foreach (var member in g.Members)
            {
                if (!names.Contains(member))
                {
                    context.Warn(null, $"Virtual router {member} specified in sync group {g.Name} doesn't exist - ignoring", "group");
                }
                else if (!taken.Add(member))
                {
                    context.Warn(null, $"Virtual router {member} cannot exist in more than one sync group; ignoring {g.Name}", "group");
                }
                else
                {
                    count++;
                }
            }

            if (count == 0)
            {
                context.Warn(null, $"Sync group {g.Name}, no matching virtual router found in group declaration - removing", "group");
            }
            else if (count == 1)
            {
                context.Warn(null, $"Sync group {g.Name} has only 1 virtual router(s) - this probably isn't what you want", "group");
            }
        }
    }
}
