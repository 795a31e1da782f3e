namespace Proxy.FunctionalTests.Corpus;

/// <summary>What one `-c` / `-t` run printed, or that it ran out of time.</summary>
internal sealed record CheckRun(int ExitCode, string Stdout, string Stderr, bool TimedOut);
