using System.Diagnostics;
using Vrrp.Tracking;

namespace Vrrp.Tests.Tracking;

public class ProcessScriptRunnerTests
{
    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 3", 3)]
    // The arguments arrive as "$@" after the command line (how notify gets `INSTANCE name state priority`).
    [InlineData("f() { [ \"$1 $2\" = \"a b\" ]; }; f", 0)]
    [InlineData("f() { [ \"$1\" = b ]; }; f", 1)]
    public async Task RunAsync_Command_ReturnsExitCode(string command, int expected)
    {
        Assert.Equal(expected, await new ProcessScriptRunner().RunAsync(command, ["a", "b"], null, null, TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_HungScript_IsKilledAtTheTimeout()
    {
        var clock = Stopwatch.StartNew();

        var code = await new ProcessScriptRunner().RunAsync("sleep 30", [], null, null, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Null(code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }
}
