using Microsoft.Extensions.Logging.Abstractions;
using Vrrp.Config;
using Vrrp.Tests.Common;
using Vrrp.Tracking;

namespace Vrrp.Tests.Tracking;

public class ScriptTrackerTests
{
    private sealed class ScriptedRunner(params int?[] results) : IScriptRunner
    {
        private int _next;

        public int Runs => _next;

        public Task<int?> RunAsync(string command, IReadOnlyList<string> arguments, string? user, string? group, TimeSpan timeout, CancellationToken cancellationToken)
            => Task.FromResult(results[Math.Min(_next++, results.Length - 1)]);
    }

    private static TrackedScript Script(int rise = 1, int fall = 2)
        => new("chk", "/bin/check", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 2, rise, fall, null, null);

    [Fact]
    public void Start_RunsAtOnceThenEveryInterval_AndFlipsAfterFallFailures()
    {
        var time = new FakeTimeProvider();
        var runner = new ScriptedRunner(0, 1, 1, 0);
        using var tracker = new ScriptTracker(Script(), runner, time, NullLogger.Instance);
        var changes = 0;
        tracker.Changed += () => changes++;

        tracker.Start();
        time.Advance(TimeSpan.Zero);
        Assert.Equal(1, runner.Runs);
        Assert.True(tracker.Good);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(tracker.Good);      // one failure, fall 2
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(tracker.Good);     // second consecutive failure
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(tracker.Good);      // rise 1

        Assert.Equal(4, runner.Runs);
        Assert.Equal(2, changes);
    }

    [Fact]
    public async Task RunOnceAsync_TimedOut_CountsAsFailure()
    {
        using var tracker = new ScriptTracker(Script(fall: 1), new ScriptedRunner((int?)null), new FakeTimeProvider(), NullLogger.Instance);

        await tracker.RunOnceAsync();

        Assert.False(tracker.Good);
    }
}
