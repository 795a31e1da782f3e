using System.Net;
using Vrrp.Protocol;

namespace Vrrp.Hosting;

/// <summary>
/// Counts refused adverts and decides when to log one: at most one line per peer and reason every
/// <see cref="Period"/>, so a misconfigured peer cannot flood the log. Pure apart from the clock it is given.
/// </summary>
public sealed class RejectLog(TimeProvider time)
{
    /// <summary>Minimum time between two lines for one peer and reason.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly Dictionary<(IPAddress, VrrpRejectReason), (DateTimeOffset Last, long Suppressed)> _seen = [];

    /// <summary>Total refused adverts.</summary>
    public long Count { get; private set; }

    /// <summary>Records one refusal; returns how many were suppressed since the last line when a line is due, else null.</summary>
    public long? Record(IPAddress peer, VrrpRejectReason reason)
    {
        Count++;
        var now = time.GetUtcNow();
        lock (_seen)
        {
            if (_seen.TryGetValue((peer, reason), out var entry) && now - entry.Last < Period)
            {
                _seen[(peer, reason)] = (entry.Last, entry.Suppressed + 1);
                return null;
            }

            _seen[(peer, reason)] = (now, 0);
            return entry.Suppressed;
        }
    }
}
