namespace Vrrp.FunctionalTests.Common;

/// <summary>
/// Network namespaces on a bridge, named with a per-run prefix and deleted on dispose: `{prefix}br` holds the
/// bridge; each node namespace has `eth0` with a TEST-NET-3 address (203.0.113.0/24). Nothing leaves them.
/// </summary>
internal sealed class NetnsTopology : IDisposable
{
    public const string Vip = "203.0.113.100";

    private readonly List<string> _namespaces = [];

    public NetnsTopology(params (string Name, string Address)[] nodes)
    {
        Prefix = "vf" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            Add(Bridge);
            Shell.Ip("-n", Bridge, "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0");
            Shell.Ip("-n", Bridge, "link", "set", "br0", "up");
            foreach (var (name, address) in nodes)
            {
                var ns = Namespace(name);
                Add(ns);
                Shell.Ip("-n", Bridge, "link", "add", name + "b", "type", "veth", "peer", "name", "eth0", "netns", ns);
                Shell.Ip("-n", Bridge, "link", "set", name + "b", "master", "br0", "up");
                Shell.Ip("-n", ns, "addr", "add", address + "/24", "dev", "eth0");
                Shell.Ip("-n", ns, "link", "set", "eth0", "up");
                Shell.Ip("-n", ns, "link", "set", "lo", "up");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Prefix { get; }

    private string Bridge => Prefix + "br";

    public string Namespace(string node) => Prefix + node;

    public bool HasVip(string node)
        => Shell.Run("ip", "-n", Namespace(node), "-br", "addr", "show", "dev", "eth0").Output.Contains(Vip + "/24", StringComparison.Ordinal);

    public void DropVip(string node) => Shell.Run("ip", "-n", Namespace(node), "addr", "del", Vip + "/24", "dev", "eth0");

    public void Dispose()
    {
        foreach (var ns in Enumerable.Reverse(_namespaces))
        {
            Shell.Run("ip", "netns", "del", ns);
        }

        _namespaces.Clear();
    }

    private void Add(string ns)
    {
        Shell.Ip("netns", "add", ns);
        _namespaces.Add(ns);
    }
}
