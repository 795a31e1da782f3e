namespace Proxy.Cli;

/// <summary>What the command line asked for (haproxy 2.6 management.txt §3, plus `-k` and `--json`).</summary>
internal sealed record CommandLineOptions
{
    /// <summary>`-f FILE|DIR`, repeatable, in order (files after `--` too).</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>`-k FILE`: keepalived.conf for VRRP.</summary>
    public string? KeepalivedFile { get; init; }

    /// <summary>`-c`: check the configuration and exit.</summary>
    public bool CheckOnly { get; init; }

    /// <summary>`--json` with `-c`: every diagnostic as JSON (our extension, for migration tooling).</summary>
    public bool Json { get; init; }

    /// <summary>`-q`: quiet, only the exit code speaks.</summary>
    public bool Quiet { get; init; }

    /// <summary>`-d`: debug mode, stay in the foreground and log more.</summary>
    public bool Debug { get; init; }

    /// <summary>`-p FILE`: write the process id there.</summary>
    public string? PidFile { get; init; }

    /// <summary>`-v` (1) or `-vv` (2): print the version and exit.</summary>
    public int VersionLevel { get; init; }
}
