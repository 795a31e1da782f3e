namespace Proxy.Cli;

/// <summary>Process exit codes, as haproxy 2.6 uses them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A configuration error, a start-up failure, and also a usage error: haproxy 2.6's usage() exits 1.</summary>
    public const int Failure = 1;

    /// <summary>`-c` on a valid configuration that would not start because nothing listens (haproxy 2.6: "=> exit(2)").</summary>
    public const int NoListener = 2;
}
