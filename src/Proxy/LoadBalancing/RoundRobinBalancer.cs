using Proxy.Runtime;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance roundrobin` as haproxy 2.6 runs it (src/lb_fwrr.c, "fast weighted round robin"), so that the pick
/// sequence is the same as HAProxy's: weights scaled by 16; servers wait in an "init" queue by decreasing weight until
/// first picked, then each pick moves the server's next position forward by total weight ÷ its weight (the remainder
/// accumulates), and the "current" queue is ordered by that position. Servers too far ahead go to a "next" queue that
/// becomes "init" when the current window runs out. Rebuilt from scratch when the server set changes.
/// </summary>
internal sealed class RoundRobinBalancer : IBalancer
{
    private const int WeightScale = 16;            // haproxy 2.6 BE_WEIGHT_SCALE
    private const uint MaxScaledWeight = 256 * 16; // SRV_EWGHT_MAX
    private const uint UserWeightRange = 256;      // SRV_UWGHT_RANGE

    private readonly ServerPool _pool;
    private readonly Lock _lock = new();
    private readonly uint[] _keys;
    private readonly int[] _weight, _position, _remainder, _skipped;
    private readonly ServerQueue _current, _a, _b;
    private ServerQueue _init, _next;
    private ServerSet? _built;
    private int _currentPosition, _currentWeight, _nextWeight;

    public RoundRobinBalancer(ServerPool pool)
    {
        _pool = pool;
        var capacity = pool.All.Count;
        _keys = new uint[capacity];
        _weight = new int[capacity];
        _position = new int[capacity];
        _remainder = new int[capacity];
        _skipped = new int[capacity];
        _current = new ServerQueue(capacity);
        _a = new ServerQueue(capacity);
        _b = new ServerQueue(capacity);
        _init = _a;
        _next = _b;
    }

    public ServerState? Pick(in BalanceContext context, IReadOnlyList<ServerState> eligible)
    {
        var set = _pool.Current;
        var servers = set.Servers;
        if (servers.Length == 0 || eligible.Count == 0)
        {
            return null;
        }

        var only = Eligibility.Restriction(set, eligible);
        lock (_lock)
        {
            if (!ReferenceEquals(set, _built))
            {
                Build(set);
            }

            var slot = Next(servers, only);
            return slot < 0 ? Eligibility.FirstOf(eligible) : servers[slot];
        }
    }

    private void Build(ServerSet set)
    {
        _built = set;
        _current.Clear();
        _a.Clear();
        _b.Clear();
        (_init, _next) = (_a, _b);
        var total = 0;
        for (var slot = 0; slot < set.Servers.Length; slot++)
        {
            _weight[slot] = ServerSet.WeightOf(set.Servers[slot]) * WeightScale;
            _position[slot] = _remainder[slot] = 0;
            total += _weight[slot];
            QueueByWeight(_init, slot);
        }

        _currentPosition = _currentWeight = _nextWeight = total;
    }

    // haproxy 2.6 fwrr_get_next_server, where "saturated or to avoid" means "not in the caller's list".
    private int Next(ServerState[] servers, IReadOnlyList<ServerState>? only)
    {
        var switched = false;
        var skipped = 0;
        int slot;
        while (true)
        {
            if (_currentWeight == 0)
            {
                _currentPosition = _currentWeight = _nextWeight;
            }

            while ((slot = FromGroup()) < 0)
            {
                if (switched)
                {
                    Requeue(skipped, switched, -1);
                    return -1;
                }

                switched = true;
                (_init, _next) = (_next, _init);
                _currentWeight = _nextWeight;
                _currentPosition = _currentWeight;
            }

            UpdatePosition(slot);
            Dequeue(slot);
            _currentPosition++;
            if (Eligibility.Allows(only, servers[slot]))
            {
                break;
            }

            _skipped[skipped++] = slot;
        }

        Queue(slot);
        Requeue(skipped, switched, slot);
        return slot;
    }

    // Servers skipped on the way are put back: by weight into "init" if the window switched (their place was lost),
    // else as if they had been served. Last skipped first, as haproxy's chain is.
    private void Requeue(int skipped, bool switched, int picked)
    {
        for (var i = skipped - 1; i >= 0; i--)
        {
            var slot = _skipped[i];
            if (slot == picked)
            {
                continue;
            }

            if (switched)
            {
                QueueByWeight(_init, slot);
            }
            else
            {
                Queue(slot);
            }
        }
    }

    // The head of "current" when its turn has come, else a server waiting in "init" (which starts afresh), else
    // the head of "current" anyway.
    private int FromGroup()
    {
        var head = _current.First;
        if (head >= 0 && _position[head] <= _currentPosition)
        {
            return head;
        }

        var waiting = _init.First;
        if (waiting >= 0)
        {
            _position[waiting] = _remainder[waiting] = 0;
            return waiting;
        }

        return head;
    }

    private void UpdatePosition(int slot)
    {
        var weight = _weight[slot];
        if (_position[slot] == 0)
        {
            _position[slot] = _currentPosition;
        }

        _position[slot] += _nextWeight / weight;
        _remainder[slot] += _nextWeight % weight;
        if (_remainder[slot] >= weight)
        {
            _remainder[slot] -= weight;
            _position[slot]++;
        }
    }

    private void Queue(int slot)
    {
        if (_position[slot] >= 2 * _currentWeight || _position[slot] >= _currentWeight + _nextWeight)
        {
            _position[slot] -= _currentWeight;
            QueueByWeight(_next, slot);
            return;
        }

        _keys[slot] = (UserWeightRange * (uint)_position[slot]) + ((MaxScaledWeight + (uint)_remainder[slot] - (uint)_weight[slot]) / WeightScale);
        _current.Insert(slot, _keys);
    }

    private void QueueByWeight(ServerQueue queue, int slot)
    {
        _keys[slot] = MaxScaledWeight - (uint)_weight[slot];
        queue.Insert(slot, _keys);
    }

    private void Dequeue(int slot)
    {
        _current.Remove(slot);
        _a.Remove(slot);
        _b.Remove(slot);
    }
}
