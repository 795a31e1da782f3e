using Microsoft.Extensions.Logging;
using ConfigParser.Keepalived.Model;
using Vrrp.StateMachine;

namespace Vrrp.Tracking;

/// <summary>
/// Runs notify scripts on a state change, in the background: the state's own script (notify_master, notify_backup,
/// notify_fault, notify_stop), then `notify` with keepalived's arguments `INSTANCE|GROUP name state priority`.
/// </summary>
public sealed class Notifier(IScriptRunner runner, string? scriptUser, string? scriptGroup, ILogger logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HashSet<Task> _pending = [];

    /// <summary>keepalived's word for a state in notify arguments; INIT after running means STOP.</summary>
    public static string StateWord(VrrpRole role) => role switch
    {
        VrrpRole.Master => "MASTER",
        VrrpRole.Backup => "BACKUP",
        VrrpRole.Fault => "FAULT",
        _ => "STOP",
    };

    /// <summary>The commands and their arguments one transition runs (pure; tested).</summary>
    public static IReadOnlyList<(string Command, string[] Arguments)> Plan(VrrpNotify scripts, string kind, string name, VrrpRole role, int priority)
    {
        var list = new List<(string, string[])>();
        var own = role switch
        {
            VrrpRole.Master => scripts.Master,
            VrrpRole.Backup => scripts.Backup,
            VrrpRole.Fault => scripts.Fault,
            _ => scripts.Stop,
        };
        if (own is not null)
        {
            list.Add((own.Command, []));
        }

        if (scripts.Any is not null)
        {
            list.Add((scripts.Any.Command, [kind, name, StateWord(role), priority.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        return list;
    }

    /// <summary>Starts the scripts of one transition without waiting for them (the state machine never waits).</summary>
    public void Notify(VrrpNotify scripts, string kind, string name, VrrpRole role, int priority)
    {
        foreach (var (command, arguments) in Plan(scripts, kind, name, role, priority))
        {
            var task = RunAsync(command, arguments);
            lock (_pending)
            {
                _pending.Add(task);
            }

            _ = task.ContinueWith(t =>
            {
                lock (_pending)
                {
                    _pending.Remove(t);
                }
            }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) for running scripts: at stop, so notify_stop runs before exit.</summary>
    public async Task WaitForPendingAsync(TimeSpan limit)
    {
        Task[] pending;
        lock (_pending)
        {
            pending = [.. _pending];
        }

        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(limit)).ConfigureAwait(false);
    }

    private async Task RunAsync(string command, string[] arguments)
    {
        var code = await runner.RunAsync(command, arguments, scriptUser, scriptGroup, Timeout, CancellationToken.None).ConfigureAwait(false);
        if (code != 0)
        {
            logger.LogWarning("notify script '{Command}' {Result}", command, code is null ? "timed out or could not start" : $"exited with {code}");
        }
    }
}
