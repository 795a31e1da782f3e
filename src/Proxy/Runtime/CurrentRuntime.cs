namespace Proxy.Runtime;

/// <summary>
/// Holds the live <see cref="ProxyRuntime"/>. Requests read it once and keep that snapshot; a reload builds a
/// new runtime and publishes it here without locks.
/// </summary>
internal sealed class CurrentRuntime(ProxyRuntime initial)
{
    private ProxyRuntime _value = initial;

    public ProxyRuntime Value => Volatile.Read(ref _value);

    /// <summary>Publishes <paramref name="next"/> and returns the runtime it replaced.</summary>
    public ProxyRuntime Swap(ProxyRuntime next) => Interlocked.Exchange(ref _value, next);
}
