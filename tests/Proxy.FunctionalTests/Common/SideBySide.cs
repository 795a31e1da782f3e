namespace Proxy.FunctionalTests.Common;

/// <summary>
/// The real haproxy and this proxy started on the same configuration (each on its own free port), in a temporary
/// folder, for side-by-side tests; disposing stops both and removes the folder.
/// </summary>
internal sealed class SideBySide : IDisposable
{
    private readonly TempDirectory _dir;
    private readonly ExternalProcess _haproxy;
    private readonly ExternalProcess _proxy;

    private SideBySide(TempDirectory dir, ExternalProcess haproxy, ExternalProcess proxy, int haproxyPort, int proxyPort)
    {
        (_dir, _haproxy, _proxy, HaproxyPort, ProxyPort) = (dir, haproxy, proxy, haproxyPort, proxyPort);
    }

    public int HaproxyPort { get; }

    public int ProxyPort { get; }

    /// <summary>Writes <paramref name="config"/>(port) for each, starts both and waits until both listen.</summary>
    public static async Task<SideBySide> StartAsync(Func<int, string> config)
    {
        var (haproxyPort, proxyPort) = (FreePort.Next(), FreePort.Next());
        var dir = new TempDirectory();
        await dir.WriteAsync("h.cfg", config(haproxyPort));
        await dir.WriteAsync("p.cfg", config(proxyPort));
        var haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], dir.Path);
        var proxy = ExternalProcess.StartProxy(["-f", "p.cfg"], dir.Path);
        var pair = new SideBySide(dir, haproxy, proxy, haproxyPort, proxyPort);
        try
        {
            await PortWaiter.WaitAsync(haproxyPort, haproxy, TimeSpan.FromSeconds(30));
            await PortWaiter.WaitAsync(proxyPort, proxy, TimeSpan.FromSeconds(30));
            return pair;
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _proxy.Dispose();
        _haproxy.Dispose();
        _dir.Dispose();
    }
}
