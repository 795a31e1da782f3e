using Proxy.Http;

namespace Proxy.Runtime;

/// <summary>What the runtime takes from outside: the clock and the way to reach servers (tests substitute both).</summary>
internal sealed record RuntimeServices(TimeProvider Time, UpstreamConnect Connect)
{
    /// <summary>The system clock and plain TCP.</summary>
    public static RuntimeServices Default { get; } = new(TimeProvider.System, UpstreamConnector.ConnectTcpAsync);
}
