using ConfigParser.Model;

namespace Proxy.LoadBalancing;

/// <summary>
/// Server numeric ids as haproxy 2.6 assigns them (src/cfgparse.c, check_config_validity): `id N` as given; the others,
/// in declaration order, take the lowest number from 1 up that no server uses yet.
/// </summary>
internal static class ServerIds
{
    /// <summary>The id of each of <paramref name="servers"/>, in the same order.</summary>
    public static int[] Assign(IReadOnlyList<ServerDefinition> servers)
    {
        var used = servers.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        var ids = new int[servers.Count];
        var next = 1;
        for (var i = 0; i < servers.Count; i++)
        {
            if (servers[i].Id is { } id)
            {
                ids[i] = id;
                continue;
            }

            while (used.Contains(next))
            {
                next++;
            }

            ids[i] = next;
            used.Add(next);
        }

        return ids;
    }
}
