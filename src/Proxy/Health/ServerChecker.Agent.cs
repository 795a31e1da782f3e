using System.Text;
using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>
/// What an agent's reply does to the server (haproxy 2.6 `agent-check`). The agent has its own health with rise and
/// fall of 1: `down`, `fail` or `stopped` takes the server DOWN at once, `up` brings it back when the regular check
/// (if any) is UP too. Its admin word and weight apply at once, before the health change is judged (2.6.12: "down
/// maint" logs only the maintenance line, "up ready" leaves maintenance straight to UP).
/// </summary>
internal sealed partial class ServerChecker
{
    private volatile bool _agentUp = true;

    // `drain` heard during maintenance: haproxy 2.6 keeps it as a flag under the maintenance, and `ready` shows it.
    private bool _drainUnderMaint;

    // The server went UP or DOWN while draining: 2.6.12 then says "remains in forced drain mode." before leaving it.
    private bool _movedWhileDrained;

    /// <summary>The agent's own health: false after `down`, `fail` or `stopped` until `up`; true without an agent.</summary>
    public bool AgentUp => _agentUp;

    /// <summary>Applies one parsed agent line; <paramref name="duration"/> is how long the agent took to answer.</summary>
    public void ApplyAgent(AgentReply reply, TimeSpan duration)
    {
        var changes = new List<HealthStateChange>(2);
        lock (_lock)
        {
            var result = new CheckResult(reply.IsUp ? CheckStatus.L7Ok : CheckStatus.L7Sts, 0, reply.Health is null ? null : reply.Info, duration);
            if (reply.Health is not null)
            {
                _agentUp = reply.IsUp;
            }

            if (reply.Admin is { } admin && Admitted(admin, result, changes) is { } adminChange)
            {
                changes.Add(adminChange);
            }

            if (reply.Percent is { } percent && (percent is 0 or 100 || !LoadBalancing.BalancerFactory.IsStatic(backend.Definition)))
            {
                var emptied = Emptied(() => Server.UserWeight = AgentReply.WeightFor(Server.InitialWeight, percent));
                if (Server.Admin == ServerAdminState.Drain)
                {
                    changes.Add(Admin(ServerHealthPhase.Up, result, Named("remains in forced drain mode."), false, Logging.SyslogCodes.Notice));
                }
                else if (emptied)
                {
                    // 2.6.12 prints no server line for a weight, only the backend's alert when it emptied it.
                    changes.Add(Admin(Phase, result, "", true, Logging.SyslogCodes.Notice));
                }
            }

            if (reply.Health is not null && Server.Admin != ServerAdminState.Maint && HealthPhase() is var phase && phase != Phase)
            {
                changes.Add(Move(phase, result));
            }
        }

        foreach (var change in changes)
        {
            publish(change);
        }
    }

    // The phase the counters say now: DOWN unless both the check and the agent are UP; a stopping server stays NOLB.
    private ServerHealthPhase HealthPhase()
        => !Counter.IsUp || !_agentUp ? ServerHealthPhase.Down
            : Phase == ServerHealthPhase.NoLb ? ServerHealthPhase.NoLb : ServerHealthPhase.Up;

    // One admin word; null when it changes nothing (`drain` during maintenance stays in maintenance).
    private HealthStateChange? Admitted(ServerAdminState admin, CheckResult result, List<HealthStateChange> changes)
    {
        var current = Server.Admin;
        if (current == ServerAdminState.Maint && admin == ServerAdminState.Drain)
        {
            _drainUnderMaint = true;
            return null;
        }

        if (admin == current)
        {
            return null;
        }

        var down = Phase == ServerHealthPhase.Down;
        if (admin == ServerAdminState.Drain)
        {
            _movedWhileDrained = false;
            var emptied = Emptied(() => Server.Admin = admin);
            return Admin(Phase, result, Counted("enters drain state.", down), emptied, Logging.SyslogCodes.Notice);
        }

        if (admin == ServerAdminState.Maint)
        {
            var emptied = Emptied(() => Server.Admin = admin);
            _drainUnderMaint = false;
            return down
                ? Admin(Phase, result, Named("was DOWN and now enters maintenance."), emptied, Logging.SyslogCodes.Notice)
                : Admin(ServerHealthPhase.Down, result, Counted("is going DOWN for maintenance.", down: true), emptied, Logging.SyslogCodes.Alert);
        }

        if (current == ServerAdminState.Drain)
        {
            Server.Admin = admin;
            if (_movedWhileDrained)
            {
                changes.Add(Admin(Phase, result, Named("remains in forced drain mode."), false, Logging.SyslogCodes.Notice));
            }

            return Admin(Phase, result, Named($"is {(down ? "DOWN" : "UP")} (leaving forced drain)."), false, Logging.SyslogCodes.Notice);
        }

        // Leaving maintenance: the paused check starts again from rise (UP, one failure from DOWN), as in haproxy 2.6.
        if (HasCheck)
        {
            Counter = HealthCounter.Starting(Server.Definition.Rise, Server.Definition.Fall);
        }

        var phase = !Counter.IsUp || !_agentUp ? ServerHealthPhase.Down : ServerHealthPhase.Up;
        Phase = phase;
        Server.IsUsable = phase == ServerHealthPhase.Up;
        Server.Admin = admin;
        var word = phase == ServerHealthPhase.Down ? "DOWN" : "UP";
        if (_drainUnderMaint)
        {
            // 2.6.12 leaves the maintenance still draining, then leaves the drain too.
            _drainUnderMaint = false;
            changes.Add(Admin(phase, result, Named($"is {word}/DRAIN (leaving forced maintenance)."), false, Logging.SyslogCodes.Notice));
            changes.Add(Admin(phase, result, Named("remains in forced drain mode."), false, Logging.SyslogCodes.Notice));
            return Admin(phase, result, Named($"is {word} (leaving forced drain)."), false, Logging.SyslogCodes.Notice);
        }

        return Admin(phase, result, Named($"is {word}/READY (leaving forced maintenance)."), false, Logging.SyslogCodes.Notice);
    }

    private HealthStateChange Admin(ServerHealthPhase phase, CheckResult result, string message, bool emptied, int level)
        => new(backend, Server, phase, result, message, emptied, Phase, level);

    // "Server be/s1 <what>".
    private string Named(string what) => $"{(Server.Definition.Backup ? "Backup Server" : "Server")} {backend.Name}/{Server.Name} {what}";

    // "Server be/s1 <what> A active and B backup servers online|left. …".
    private string Counted(string what, bool down)
    {
        var text = new StringBuilder(Named(what));
        HealthMessages.AppendCounts(text, backend, Server, down);
        return text.ToString();
    }
}
