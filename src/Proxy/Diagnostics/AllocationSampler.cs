using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Proxy.Diagnostics;

/// <summary>
/// PROXY_DIAG_ALLOC=types: listens to the runtime's GCAllocationTick events (one sample per ~100 KB allocated) and
/// tallies the sampled bytes by type name, so bench/alloc.sh can show what a request allocates. Diagnostic only.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var type = names.IndexOf("TypeName") is >= 0 and var t ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is >= 0 and var a ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>Writes the 40 most sampled types since the last call, and starts a new tally.</summary>
    public void WriteTop(TextWriter output)
    {
        var snapshot = _bytes.ToArray();
        _bytes.Clear();
        foreach (var (type, bytes) in snapshot.OrderByDescending(p => p.Value).Take(40))
        {
            output.WriteLine($"alloc-type {bytes,12} {type}");
        }

        output.Flush();
    }
}
