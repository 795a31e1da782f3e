namespace Proxy.LoadBalancing;

/// <summary>
/// A small ordered multiset of server slots by 32-bit key, equal keys kept in insertion order: the behaviour of the
/// elastic binary trees haproxy 2.6's fwrr balancer walks (eb32 with duplicates). A sorted array is enough for the
/// server counts of a backend, and it never allocates after construction.
/// </summary>
internal sealed class ServerQueue(int capacity)
{
    private readonly int[] _slots = new int[capacity];

    public int Count { get; private set; }

    /// <summary>The slot with the lowest key (the earliest inserted among equals), or -1 when empty.</summary>
    public int First => Count == 0 ? -1 : _slots[0];

    /// <summary>Inserts <paramref name="slot"/> after every slot whose key is lower or equal.</summary>
    public void Insert(int slot, uint[] keys)
    {
        var key = keys[slot];
        var at = Count;
        while (at > 0 && keys[_slots[at - 1]] > key)
        {
            _slots[at] = _slots[at - 1];
            at--;
        }

        _slots[at] = slot;
        Count++;
    }

    /// <summary>Removes <paramref name="slot"/> if present.</summary>
    public void Remove(int slot)
    {
        var at = Array.IndexOf(_slots, slot, 0, Count);
        if (at < 0)
        {
            return;
        }

        Array.Copy(_slots, at + 1, _slots, at, Count - at - 1);
        Count--;
    }

    public void Clear() => Count = 0;
}
