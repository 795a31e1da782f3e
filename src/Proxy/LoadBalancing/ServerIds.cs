using ConfigParser.Model;

namespace Proxy.LoadBalancing;

/// <summary>
/// Server numeric ids as haproxy 2.6 assigns them (src/cfgparse.c, check_config_validity): `id N` as given; for the
/// others a counter that starts at 1 and moves on by one after every server (with an id or not) is raised to the
/// next number no server uses. So `id 7`, (none), `id 2` gives the second server 3, not 1.
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
            }
            else
            {
                while (used.Contains(next))
                {
                    next++;
                }

                ids[i] = next;
                used.Add(next);
            }

            next++;
        }

        return ids;
    }
}
