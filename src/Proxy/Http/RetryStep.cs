namespace Proxy.Http;

/// <summary>How the next attempt goes: to another server (redispatch) or the same one, after <see cref="Delay"/>.</summary>
internal readonly record struct RetryStep(bool Redispatch, TimeSpan Delay);
