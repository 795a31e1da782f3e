using Microsoft.Extensions.Logging;
using Vrrp.Config;

namespace Vrrp.Tracking;

/// <summary>
/// Runs one vrrp_script every `interval` (TimeProvider-driven) and keeps its rise/fall verdict. Runs never overlap
/// and never block the state machine; <see cref="Changed"/> fires when the verdict flips.
/// </summary>
public sealed class ScriptTracker : IDisposable
{
    private readonly TrackedScript _script;
    private readonly IScriptRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RiseFallCounter _counter;
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _timer;
    private int _running;

    /// <summary>Creates a tracker; call <see cref="Start"/>.</summary>
    public ScriptTracker(TrackedScript script, IScriptRunner runner, TimeProvider time, ILogger logger)
    {
        _script = script;
        _runner = runner;
        _time = time;
        _logger = logger;
        _counter = new RiseFallCounter(script.Rise, script.Fall);
    }

    /// <summary>The script's name.</summary>
    public string Name => _script.Name;

    /// <summary>The current verdict (keepalived starts scripts as good).</summary>
    public bool Good => _counter.Good;

    /// <summary>Raised after the verdict flips.</summary>
    public event Action? Changed;

    /// <summary>Runs the script now, then every interval.</summary>
    public void Start() => _timer = _time.CreateTimer(_ => _ = RunOnceAsync(), null, TimeSpan.Zero, _script.Interval);

    /// <summary>Runs the script once and records the result (the timer calls this; tests may too).</summary>
    public async Task RunOnceAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            var code = await _runner.RunAsync(_script.Command, [], _script.User, _script.Group, _script.Timeout, _stop.Token).ConfigureAwait(false);
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            bool changed;
            lock (_counter)
            {
                changed = _counter.Record(code == 0);
            }

            if (changed)
            {
                // keepalived 2.2 logs "Script `chk` now returning 1" / "VRRP_Script(chk) succeeded"; our wording.
                _logger.LogWarning("VRRP_Script({Name}) {Verdict}", _script.Name, _counter.Good ? "succeeded" : code is null ? "timed out" : $"failed (exit {code})");
                Changed?.Invoke();
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _timer?.Dispose();
    }
}
