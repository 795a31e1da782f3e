using System.Text;
using Microsoft.AspNetCore.Http;
using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>
/// One set of five backends (each answers its name) and one haproxy and one in-process proxy, both running the same
/// configuration: a frontend and backend per <see cref="BalanceParityCase"/>, on ports of their own.
/// </summary>
public sealed class BalanceParityFixture : IAsyncLifetime
{
    private readonly List<TestBackend> _backends = [];
    private readonly Dictionary<string, (int Haproxy, int Proxy)> _ports = [];
    private TempDirectory? _directory;
    private ExternalProcess? _haproxy;
    private InProcessProxy? _proxy;

    /// <summary>The (haproxy, proxy) ports of a case.</summary>
    public (int Haproxy, int Proxy) Ports(string name) => _ports[name];

    public async Task InitializeAsync()
    {
        if (Haproxy.Path is null)
        {
            return;
        }

        for (var i = 1; i <= 5; i++)
        {
            var name = $"s{i}";
            _backends.Add(await TestBackend.StartAsync(name, context =>
            {
                context.Response.ContentLength = name.Length;
                return context.Response.WriteAsync(name);
            }));
        }

        _directory = new TempDirectory();

        // A port that was free a moment ago may be taken by a test running beside this one: start again with new ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartProxiesAsync();
                return;
            }
            catch (Exception) when (attempt < 3)
            {
                await StopProxiesAsync();
            }
        }
    }

    private async Task StartProxiesAsync()
    {
        // Every port distinct, and no SO_REUSEPORT (`noreuseport`): two listeners on one port would share its traffic.
        var taken = new HashSet<int>();
        int Distinct()
        {
            int port;
            while (!taken.Add(port = FreePort.Next()))
            {
            }

            return port;
        }

        foreach (var c in BalanceParityCase.All)
        {
            _ports[c.Name] = (Distinct(), Distinct());
        }

        await _directory!.WriteAsync("h.cfg", Config(p => p.Haproxy));
        _haproxy = ExternalProcess.Start(Haproxy.Require(), ["-db", "-f", "h.cfg"], _directory.Path);
        _proxy = await InProcessProxy.StartAsync(Config(p => p.Proxy));
        foreach (var (haproxy, _) in _ports.Values)
        {
            await PortWaiter.WaitAsync(haproxy, _haproxy, TimeSpan.FromSeconds(30));
        }
    }

    private async Task StopProxiesAsync()
    {
        _haproxy?.Dispose();
        _haproxy = null;
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
            _proxy = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopProxiesAsync();
        _directory?.Dispose();
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    private string Config(Func<(int Haproxy, int Proxy), int> port)
    {
        var text = new StringBuilder("global\n noreuseport\ndefaults\n mode http\n timeout connect 2s\n timeout client 30s\n timeout server 30s\n");
        foreach (var c in BalanceParityCase.All)
        {
            text.Append($"frontend f_{c.Name}\n bind 127.0.0.1:{port(_ports[c.Name])}\n default_backend b_{c.Name}\n");
            text.Append($"backend b_{c.Name}\n");
            foreach (var line in c.Lines)
            {
                text.Append($" {line}\n");
            }

            for (var i = 0; i < c.Servers.Length; i++)
            {
                text.Append($" server s{i + 1} 127.0.0.1:{_backends[i].Port} {c.Servers[i]}\n");
            }
        }

        return text.ToString();
    }
}
