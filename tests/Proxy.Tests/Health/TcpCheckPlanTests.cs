using Proxy.Health;

namespace Proxy.Tests.Health;

public class TcpCheckPlanTests
{
    private static (TcpCheckPlan? Plan, string? Unsupported) For(string lines)
    {
        var backend = HealthRuntime.Backend("backend be\n" + lines + " server s1 127.0.0.1:1 check\n").Definition;
        return (TcpCheckPlan.For(backend, out var unsupported), unsupported);
    }

    [Fact]
    public void For_RedisStyle_StepsNumberedFromOne()
    {
        var (plan, _) = For(" option tcp-check\n tcp-check connect port 6379\n tcp-check send PING\\r\\n\n tcp-check expect string +PONG\n");

        Assert.Equal("1 Connect 6379 | 2 Send PING\r\n | 3 Expect string +PONG", string.Join(" | ", plan!.Steps.Select(s =>
            $"{s.Step} {s.Action} {(s.Action == TcpCheckAction.Send ? System.Text.Encoding.Latin1.GetString(s.Data!) : s.Port?.ToString() ?? $"{s.Kind} {s.Pattern}")}")));
        Assert.True(plan.Talks);
    }

    [Fact]
    public void For_CommentRules_CountedAndCarriedToFollowingRules()
    {
        var (plan, _) = For(" option tcp-check\n tcp-check comment \"ping step\"\n tcp-check send PING\n tcp-check comment \"pong step\"\n tcp-check expect string +NOPE\n");

        Assert.Equal((4, "pong step"), (plan!.Steps[3].Step, plan.Steps[3].Comment));
        Assert.Equal("ping step", plan.Steps[1].Comment);
    }

    [Theory]
    [InlineData("tcp-check expect ! string ERR", "'ERR'", true)]
    [InlineData("tcp-check expect rstring ^\\+PO.G", "(regex)", false)]
    [InlineData("tcp-check expect binary 2b504f4e47", "(binary)", false)]
    public void For_ExpectKinds_ShownAsHaproxyDoes(string line, string shown, bool negate)
    {
        var (plan, _) = For($" option tcp-check\n {line}\n");

        Assert.Equal((shown, negate), (plan!.Steps[0].Shown, plan.Steps[0].Negate));
    }

    [Fact]
    public void For_BinaryDescribedAsItsBytes()
    {
        var (plan, _) = For(" option tcp-check\n tcp-check expect binary 2b504f4e47\n");

        Assert.Equal("(expect binary '+PONG')", plan!.Steps[0].Described);
    }

    [Theory]
    [InlineData("tcp-check expect string +PONG min-recv 5", "'tcp-check expect string +PONG min-recv 5'")]
    [InlineData("tcp-check connect port 1 send-proxy", "'tcp-check connect port 1 send-proxy'")]
    [InlineData("tcp-check send-binary 0g", "'tcp-check send-binary 0g'")]
    [InlineData("tcp-check set-var(check.x) str(a)", "'tcp-check set-var(check.x) str(a)'")]
    public void For_RuleNotRun_NoPlanAndNamed(string line, string expected)
    {
        var (plan, unsupported) = For($" option tcp-check\n {line}\n");

        Assert.Null(plan);
        Assert.Equal(expected, unsupported);
    }

    [Theory]
    [InlineData(" tcp-check send PING\n")]
    [InlineData(" option tcp-check\n option httpchk\n tcp-check send PING\n")]
    [InlineData(" option tcp-check\n")]
    public void For_NotTheCheckType_Null(string lines)
    {
        Assert.Null(For(lines).Plan);
    }
}
