using System.Net;
using Microsoft.Extensions.Logging;
using Vrrp.Arp;
using Vrrp.Config;
using Vrrp.Netlink;
using Vrrp.Protocol;
using Vrrp.StateMachine;
using Vrrp.Tracking;
using Vrrp.Transport;

namespace Vrrp.Hosting;

/// <summary>
/// Runs one vrrp_instance: feeds the <see cref="VrrpStateMachine"/> with received adverts, timers (TimeProvider) and
/// tracking, and carries out its actions through the adapters. All machine calls happen under one lock; role
/// changes are reported after the lock is released (sync groups call other runners).
/// </summary>
public sealed partial class VrrpInstanceRunner : IAsyncDisposable
{
    private readonly VrrpInstanceConfig _config;
    private readonly IAdvertChannel _channel;
    private readonly IAddressControl _addresses;
    private readonly IAnnouncer _announcer;
    private readonly Notifier? _notifier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly VrrpStateMachine _machine;
    private readonly VrrpExpectation _expected;
    private readonly RejectLog _rejects;
    private readonly Lock _lock = new();
    private readonly MachineTimers _timers;
    private readonly GarpSchedule _garps;
    private readonly CancellationTokenSource _stop = new();
    private Task _receiveLoop = Task.CompletedTask;
    private List<(VrrpRole From, VrrpRole To)> _pendingChanges = [];

    /// <summary>Wires an instance to its adapters.</summary>
    public VrrpInstanceRunner(VrrpInstanceConfig config, IAdvertChannel channel, IAddressControl addresses, IAnnouncer announcer, Notifier? notifier, TimeProvider time, ILogger logger)
    {
        _config = config;
        _channel = channel;
        _addresses = addresses;
        _announcer = announcer;
        _notifier = notifier;
        _time = time;
        _logger = logger;
        _rejects = new RejectLog(time);
        _timers = new MachineTimers(time, Fired);
        _garps = new GarpSchedule(time, Garp);
        _machine = new VrrpStateMachine(new VrrpMachineSettings(config.Priority, config.AdvertIntervalCentiseconds, config.Preempt, config.PreemptDelay, channel.LocalAddress, config.Version));
        _expected = new VrrpExpectation(config.Version, config.VirtualRouterId, config.AdvertIntervalCentiseconds, config.AuthType, config.Password, config.AdvertisedAddresses);
    }

    /// <summary>The instance's name.</summary>
    public string Name => _config.Name;

    /// <summary>The current state.</summary>
    public VrrpRole Role => _machine.Role;

    /// <summary>The effective priority.</summary>
    public int Priority => _machine.Priority;

    /// <summary>Adverts refused so far (keepalived would have refused them too).</summary>
    public long RejectedAdverts => _rejects.Count;

    /// <summary>Raised after a state change, outside the runner's lock.</summary>
    public event Action<VrrpInstanceRunner, VrrpRole, VrrpRole>? RoleChanged;

    /// <summary>Starts the election and the receive loop.</summary>
    public void Start(bool faulted)
    {
        Apply(m =>
        {
            SetOwnFault(faulted);
            return m.Start(faulted || _groupFault);
        });
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Runs one machine call and its actions under the lock (sync groups, tracking and tests use this).</summary>
    public void Apply(Func<VrrpStateMachine, IReadOnlyList<VrrpAction>> call)
    {
        List<(VrrpRole, VrrpRole)> changes;
        bool ownFaultMoved;
        lock (_lock)
        {
            Execute(call(_machine));
            changes = _pendingChanges;
            _pendingChanges = [];
            ownFaultMoved = _ownFaultMoved;
            _ownFaultMoved = false;
        }

        foreach (var (from, to) in changes)
        {
            RoleChanged?.Invoke(this, from, to);
        }

        if (ownFaultMoved)
        {
            OwnFaultChanged?.Invoke(this);
        }
    }

    /// <summary>Processes one received packet (the receive loop calls this; tests may too).</summary>
    public void Receive(ReadOnlySpan<byte> message, int ttl, IPAddress source, IPAddress destination)
    {
        var decoded = VrrpAdvertCodec.Decode(message, source, destination);
        var result = decoded.IsValid ? VrrpAdvertValidator.Validate(decoded.Advert!, ttl, _expected) : decoded;
        if (result.Reason == VrrpRejectReason.OtherVirtualRouter)
        {
            return;
        }

        if (!result.IsValid)
        {
            if (_rejects.Record(source, result.Reason) is { } suppressed)
            {
                _logger.LogWarning("({Instance}) advert from {Peer} dropped: {Detail}{Suppressed}", _config.Name, source, result.Detail,
                    suppressed > 0 ? $" ({suppressed} more since the last report)" : "");
            }

            return;
        }

        if (source.GetAddressBytes().AsSpan().SequenceEqual(_channel.LocalAddress.GetAddressBytes()))
        {
            return;
        }

        var advert = result.Advert!;
        Apply(m =>
        {
            var actions = m.AdvertReceived(advert.Priority, source, advert.AdvertIntervalCentiseconds);
            if (advert.Priority > 0 && actions.Any(a => a is VrrpAction.StartTimer { Kind: VrrpTimerKind.MasterDown }))
            {
                // A live master was heard: this instance no longer wants MASTER.
                _wantsMaster = false;
            }

            return actions;
        });
    }

    /// <summary>Graceful stop: priority-0 advert if master, addresses removed, notify_stop run.</summary>
    public async Task StopAsync()
    {
        _stop.Cancel();
        Apply(m => m.Shutdown());
        lock (_lock)
        {
            _garps.Stop();
        }

        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        _channel.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            ReceivedAdvert packet;
            try
            {
                packet = await _channel.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                _logger.LogWarning("({Instance}) receive failed: {Error}", _config.Name, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            if (packet.Ok)
            {
                Receive(buffer.AsSpan(packet.Offset, packet.Length), packet.Ttl, packet.Source, packet.Destination);
            }
        }
    }

    private void Execute(IReadOnlyList<VrrpAction> actions)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case VrrpAction.SendAdvert send:
                    SendAdvert(send.Priority);
                    break;
                case VrrpAction.AddAddresses:
                    ForEachAddress(_addresses.Add, "add");
                    break;
                case VrrpAction.RemoveAddresses:
                    _garps.Stop();
                    ForEachAddress(_addresses.Remove, "remove");
                    break;
                case VrrpAction.Announce:
                    Announce();
                    break;
                case VrrpAction.StartTimer start:
                    _timers.Start(start.Kind, start.Delay);
                    break;
                case VrrpAction.StopTimer stop:
                    _timers.Stop(stop.Kind);
                    break;
                case VrrpAction.Notify notify:
                    OnNotify(notify);
                    break;
            }
        }
    }

    private void OnNotify(VrrpAction.Notify notify)
    {
        // keepalived 2.2 logs "(VI_1) Entering MASTER STATE"; "(init)" on the first BACKUP.
        var word = notify.To == VrrpRole.Init ? "Stopped" : $"Entering {Notifier.StateWord(notify.To)} STATE{(notify.From == VrrpRole.Init ? " (init)" : "")}";
        _logger.LogWarning("({Instance}) {Transition}, priority {Priority}", _config.Name, word, notify.Priority);
        _pendingChanges.Add((notify.From, notify.To));
        _wantsMaster = false;
        _notifier?.Notify(_config.Notify, "INSTANCE", _config.Name, notify.To, notify.Priority);
    }

    private void SendAdvert(int priority)
    {
        var advert = new VrrpAdvert(_config.Version, _config.VirtualRouterId, priority, _config.AdvertIntervalCentiseconds,
            _config.AdvertisedAddresses, _config.AuthType, _config.Password);
        try
        {
            _channel.Send(VrrpAdvertCodec.Encode(advert, _channel.LocalAddress, _channel.Destination));
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            _logger.LogWarning("({Instance}) sending an advert failed: {Error}", _config.Name, e.Message);
        }
    }

    private void ForEachAddress(Func<VirtualAddress, string?> change, string verb)
    {
        foreach (var address in _config.Addresses)
        {
            if (change(address) is { } error)
            {
                _logger.LogWarning("({Instance}) cannot {Verb} {Address}: {Error}", _config.Name, verb, address.Address, error);
            }
        }
    }

    private void Announce()
    {
        _announcer.Announce(_config.Addresses, _config.GarpMasterRepeat);
        _garps.Start(_config.GarpMasterDelay, _config.GarpMasterRefresh);
    }

    private void Garp()
    {
        lock (_lock)
        {
            if (_machine.Role == VrrpRole.Master && !_stop.IsCancellationRequested)
            {
                _announcer.Announce(_config.Addresses, _config.GarpMasterRepeat);
            }
        }
    }

    private void Fired(VrrpTimerKind kind, long generation)
        => Apply(m =>
        {
            // A timer replaced or stopped after it was already queued must not fire (stale generation).
            if (!_timers.TryRetire(kind, generation))
            {
                return [];
            }

            if (kind == VrrpTimerKind.MasterDown && m.Role == VrrpRole.Backup)
            {
                _logger.LogWarning("({Instance}) Receive advertisement timeout", _config.Name);
                if (MasterGate is { } gate && !gate(this))
                {
                    _wantsMaster = true;
                    return m.MasterDownHeld();
                }
            }

            return m.TimerFired(kind);
        });
}
