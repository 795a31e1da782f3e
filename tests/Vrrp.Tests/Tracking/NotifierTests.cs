using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Model;
using Vrrp.StateMachine;
using Vrrp.Tracking;

namespace Vrrp.Tests.Tracking;

public class NotifierTests
{
    private static readonly SourceLocation Here = new("k.conf", 1);

    [Fact]
    public void Plan_Master_RunsNotifyMasterThenNotifyWithKeepalivedArguments()
    {
        var scripts = new VrrpNotify { Master = new NotifyScript("/bin/m", Here), Backup = new NotifyScript("/bin/b", Here), Any = new NotifyScript("/bin/n", Here) };

        var plan = Notifier.Plan(scripts, "INSTANCE", "VI_1", VrrpRole.Master, 150);

        Assert.Equal(2, plan.Count);
        Assert.Equal("/bin/m", plan[0].Command);
        Assert.Empty(plan[0].Arguments);
        Assert.Equal("/bin/n", plan[1].Command);
        Assert.Equal(["INSTANCE", "VI_1", "MASTER", "150"], plan[1].Arguments);
    }

    [Theory]
    [InlineData(VrrpRole.Backup, "BACKUP")]
    [InlineData(VrrpRole.Fault, "FAULT")]
    [InlineData(VrrpRole.Init, "STOP")]
    public void Plan_OtherStates_UseKeepalivedStateWords(VrrpRole role, string word)
    {
        var plan = Notifier.Plan(new VrrpNotify { Any = new NotifyScript("/bin/n", Here), Stop = new NotifyScript("/bin/s", Here) }, "GROUP", "G", role, 1);

        Assert.Equal(word, plan[^1].Arguments[2]);
        Assert.Equal("GROUP", plan[^1].Arguments[0]);
        Assert.Equal(role == VrrpRole.Init ? 2 : 1, plan.Count);
    }
}
