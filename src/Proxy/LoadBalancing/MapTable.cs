using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// haproxy 2.6's static server map (src/lb_map.c), used by `static-rr` and `hash-type map-based`: weights divided by
/// their greatest common divisor (over every server of the backend with a weight), one slot per remaining weight unit,
/// slots dealt by "largest accumulated score" (ties to the earlier-declared server). A hash picks slot
/// hash % length; round robin walks the slots in order.
/// </summary>
internal sealed class MapTable
{
    private MapTable(ServerState[] slots) => Slots = slots;

    /// <summary>The table: one server per slot.</summary>
    public ServerState[] Slots { get; }

    /// <summary>Builds the table for <paramref name="servers"/>, weights divided by <paramref name="divisor"/>.</summary>
    public static MapTable Build(IReadOnlyList<ServerState> servers, int divisor)
    {
        var weights = new int[servers.Count];
        var total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (ServerSet.WeightOf(servers[i]) + divisor - 1) / divisor;
            total += weights[i];
        }

        var scores = new int[weights.Length];
        var slots = new ServerState[total];
        for (var slot = 0; slot < total; slot++)
        {
            var best = -1;
            var max = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                if (total == 1)
                {
                    best = i;
                    break;
                }

                scores[i] += weights[i];
                var score = (scores[i] + total) / total;
                if (best < 0 || score > max)
                {
                    (max, best) = (score, i);
                }
            }

            slots[slot] = servers[best];
            scores[best] -= total;
        }

        return new MapTable(slots);
    }

    /// <summary>The greatest common divisor of the non-zero weights (1 when there is none).</summary>
    public static int WeightDivisor(IEnumerable<ServerState> servers)
    {
        var divisor = 0;
        foreach (var weight in servers.Select(s => s.Weight).Where(w => w > 0))
        {
            var (a, b) = (divisor, weight);
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            divisor = a;
        }

        return Math.Max(divisor, 1);
    }

    /// <summary>The server for <paramref name="hash"/>; with a restriction, the next allowed slot from there.</summary>
    public ServerState? ByHash(uint hash, IReadOnlyList<ServerState>? only)
        => Slots.Length == 0 ? null : Walk((int)(hash % (uint)Slots.Length), only, out _);

    /// <summary>
    /// The first allowed server from <paramref name="start"/> on, wrapping once (haproxy map_get_server_rr);
    /// <paramref name="after"/> is the slot after it.
    /// </summary>
    public ServerState? Walk(int start, IReadOnlyList<ServerState>? only, out int after)
    {
        for (var i = 0; i < Slots.Length; i++)
        {
            var slot = (start + i) % Slots.Length;
            if (Eligibility.Allows(only, Slots[slot]))
            {
                after = (slot + 1) % Slots.Length;
                return Slots[slot];
            }
        }

        after = start;
        return null;
    }
}
