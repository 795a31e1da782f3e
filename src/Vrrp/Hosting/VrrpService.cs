using System.Net.NetworkInformation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrrp.Arp;
using Vrrp.Config;
using Vrrp.Netlink;
using Vrrp.Tracking;
using Vrrp.Transport;

namespace Vrrp.Hosting;

/// <summary>
/// The VRRP side of the process: one <see cref="VrrpInstanceRunner"/> per vrrp_instance, the vrrp_script trackers,
/// interface tracking over netlink and the sync groups. On stop (SIGTERM through the host) masters send priority 0
/// and every instance removes its addresses.
/// </summary>
public sealed class VrrpService(VrrpNodeConfig config, string? scriptUser, string? scriptGroup, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Vrrp");
    private readonly List<VrrpInstanceRunner> _runners = [];
    private readonly Dictionary<string, ScriptTracker> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, bool> _links = [];
    private readonly HashSet<string> _reverse = config.Scripts.Where(s => s.Reverse).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
    private NetlinkAddressControl? _addresses;
    private PacketAnnouncer? _announcer;
    private NetlinkLinkMonitor? _monitor;
    private int _disposed;
    private Notifier? _notifier;

    /// <summary>The running instances.</summary>
    public IReadOnlyList<VrrpInstanceRunner> Runners => _runners;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Open();
            return Task.CompletedTask;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            // Raw (CAP_NET_RAW) and netlink/address changes (CAP_NET_ADMIN) are what fails without privileges.
            throw new VrrpStartException($"VRRP could not start: {e.Message} (it needs CAP_NET_RAW and CAP_NET_ADMIN, e.g. run as root).", e);
        }
    }

    private void Open()
    {
        _addresses = new NetlinkAddressControl();
        _announcer = new PacketAnnouncer(_logger);
        _monitor = new NetlinkLinkMonitor();
        var runner = new ProcessScriptRunner();
        var notifier = _notifier = new Notifier(runner, scriptUser, scriptGroup, _logger);
        foreach (var script in config.Scripts)
        {
            _scripts[script.Name] = new ScriptTracker(script, runner, time, _logger);
        }

        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            _links[(int)Interop.if_nametoindex(nic.Name)] = nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown;
        }

        foreach (var instance in config.Instances)
        {
            var ours = instance.Addresses.Select(a => a.Address).ToArray();
            if (InterfaceInfo.Find(instance.Interface, ours) is not { } iface)
            {
                _logger.LogError("({Instance}) interface {Interface} does not exist; instance not started ({Location})", instance.Name, instance.Interface, instance.Location);
                continue;
            }

            var local = instance.UnicastSource ?? (instance.IsIPv6 ? iface.LinkLocal : iface.Primary);
            if (local is null)
            {
                _logger.LogError("({Instance}) interface {Interface} has no {Kind} address to send adverts from; instance not started",
                    instance.Name, instance.Interface, instance.IsIPv6 ? "IPv6 link-local" : "IPv4");
                continue;
            }

            IAdvertChannel channel = instance.IsIPv6
                ? new RawVrrpSocket6(iface, local, instance.UnicastPeers)
                : new RawVrrpSocket(iface, local, instance.UnicastPeers);
            _runners.Add(new VrrpInstanceRunner(instance, channel, _addresses, _announcer, notifier, time, _logger));
        }

        foreach (var group in config.SyncGroups)
        {
            var members = _runners.Where(r => group.Members.Contains(r.Name)).ToList();
            _ = new SyncGroupCoordinator(group, members, notifier, _logger);
        }

        foreach (var tracker in _scripts.Values)
        {
            tracker.Changed += Retrack;
        }

        _monitor.LinkChanged += (index, up) =>
        {
            lock (_links)
            {
                if (_links.TryGetValue(index, out var was) && was == up)
                {
                    return;
                }

                _links[index] = up;
            }

            Retrack();
        };

        foreach (var instanceRunner in _runners)
        {
            var (priority, fault) = Tracking(instanceRunner.Name);
            instanceRunner.Track(priority, false);
            instanceRunner.Start(fault);
        }

        foreach (var tracker in _scripts.Values)
        {
            tracker.Start();
        }
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var tracker in _scripts.Values)
        {
            tracker.Dispose();
        }

        await Task.WhenAll(_runners.Select(r => r.StopAsync())).ConfigureAwait(false);
        if (_notifier is not null)
        {
            // keepalived runs notify_stop / notify STOP on shutdown; bounded so a hung script cannot hold the exit.
            await _notifier.WaitForPendingAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var runner in _runners)
        {
            await runner.DisposeAsync().ConfigureAwait(false);
        }

        _monitor?.Dispose();
        _announcer?.Dispose();
        _addresses?.Dispose();
    }

    private void Retrack()
    {
        foreach (var runner in _runners)
        {
            var (priority, fault) = Tracking(runner.Name);
            runner.Track(priority, fault);
        }
    }

    private (int Priority, bool Fault) Tracking(string name)
    {
        var instance = config.Instances.First(i => i.Name == name);
        var items = new List<(int, bool)>();
        items.AddRange(instance.TrackScripts.Where(t => _scripts.ContainsKey(t.Name)).Select(t => (t.Weight, _scripts[t.Name].Good ^ _reverse.Contains(t.Name))));
        lock (_links)
        {
            items.AddRange(instance.TrackInterfaces.Select(t => (t.Weight, LinkUp(t.Name))));
            if (instance.TrackPrimary)
            {
                items.Add((0, LinkUp(instance.Interface)));
            }
        }

        return TrackedPriority.Compute(instance.Priority, items);
    }

    private bool LinkUp(string name) => !_links.TryGetValue((int)Interop.if_nametoindex(name), out var up) || up;
}
