using Proxy.Logging;

namespace Proxy.Tests.Logging;

public sealed class AccessLogPlanTests
{
    private static readonly AccessLogEntry Ok = new() { Status = 200, BytesUploaded = 80 };

    private static AccessLogPlan Plan(bool dontLogNull = false, bool dontLogNormal = false, bool separateErrors = false)
        => new("fe", [], ProxyLog.None, [], [], dontLogNull, dontLogNormal, separateErrors);

    [Fact]
    public void LevelFor_NormalRequest_Info() => Assert.Equal(SyslogCodes.Info, Plan().LevelFor(Ok));

    [Fact]
    public void LevelFor_ServerErrorWithSeparateErrors_Err() => Assert.Equal(SyslogCodes.Error, Plan(separateErrors: true).LevelFor(Ok with { Status = 503 }));

    [Fact]
    public void LevelFor_AbortWithSeparateErrors_Err() => Assert.Equal(SyslogCodes.Error, Plan(separateErrors: true).LevelFor(Ok with { TerminationState = "CD--" }));

    [Fact]
    public void LevelFor_DontLogNormal_SkipsSuccessKeepsErrors()
    {
        var plan = Plan(dontLogNormal: true);

        Assert.Null(plan.LevelFor(Ok));
        Assert.Equal(SyslogCodes.Info, plan.LevelFor(Ok with { Status = 502 }));
    }

    [Fact]
    public void LevelFor_DontLogNullWithNothingExchanged_Skipped()
        => Assert.Null(Plan(dontLogNull: true).LevelFor(new AccessLogEntry { Status = 0, BytesUploaded = 0 }));

    [Fact]
    public void LevelFor_SetLogLevelNotice_ReplacesErr()
        => Assert.Equal(SyslogCodes.Notice, Plan(separateErrors: true).LevelFor(Ok with { Status = 503 }, LogLevelOverride.For(SyslogCodes.Notice)));

    [Fact]
    public void LevelFor_SetLogLevelSilent_Skipped() => Assert.Null(Plan().LevelFor(Ok, LogLevelOverride.Silent));

    [Fact]
    public void LevelFor_SetLogLevelOnDontLogNormal_StillSkipped()
        => Assert.Null(Plan(dontLogNormal: true).LevelFor(Ok, LogLevelOverride.For(SyslogCodes.Error)));
}
