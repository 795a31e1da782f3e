using System.Runtime.InteropServices;

namespace Proxy.Diagnostics;

/// <summary>
/// A hidden diagnostic for bench/alloc.sh: with PROXY_DIAG_ALLOC=1 the process writes the bytes it has allocated
/// so far (GC.GetTotalAllocatedBytes, precise) and its gen0/1/2 collection counts to stderr on SIGUSR2 and at exit,
/// so a harness can take two readings around N requests and divide. Not an HAProxy feature; off by default.
/// </summary>
internal static class AllocationReport
{
    // Linux's SIGUSR2; PosixSignalRegistration takes raw signal numbers on Unix.
    private const int SigUsr2 = 12;

    /// <summary>Starts reporting when PROXY_DIAG_ALLOC=1; the registration lives as long as the returned object.</summary>
    public static IDisposable? StartIfAsked(TextWriter output)
    {
        var mode = Environment.GetEnvironmentVariable("PROXY_DIAG_ALLOC");
        if (mode is not ("1" or "types") || !OperatingSystem.IsLinux())
        {
            return null;
        }

        // "types": the runtime's allocation samples (one per ~100 KB) tallied by type, for finding what allocates.
        var sampler = mode == "types" ? new AllocationSampler() : null;

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Write(output, "exit");
        return PosixSignalRegistration.Create((PosixSignal)SigUsr2, context =>
        {
            // SIGUSR2's default action ends the process; this one only reports.
            context.Cancel = true;
            Write(output, "sigusr2");
            sampler?.WriteTop(output);
        });
    }

    private static void Write(TextWriter output, string when)
    {
        output.WriteLine($"alloc-diag {when} bytes={GC.GetTotalAllocatedBytes(precise: true)} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}");
        output.Flush();
    }
}
