using Proxy.Http.LogFormat;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http.Rules;

public class SetVariableActionTests
{
    [Fact]
    public async Task ApplyAsync_Sample_StoredAndReadBack()
    {
        var context = Request(headers: "X-User: joe");
        var sample = SampleExpressionCompiler.Compile("hdr(x-user),upper", out _)!;

        await new SetVariableAction("txn.who", sample).ApplyAsync(context);

        Assert.Equal("JOE", TransactionVariables.Get(context, "txn.who"));
        Assert.Equal("<JOE>", LogFormatCompiler.Compile("<%[var(txn.who)]>", out _)!.Evaluate(context));
    }

    [Fact]
    public async Task ApplyAsync_AbsentSample_LeavesVariableUnset()
    {
        var context = Request();

        await new SetVariableAction("txn.who", SampleExpressionCompiler.Compile("hdr(x-user)", out _)!).ApplyAsync(context);

        Assert.Null(TransactionVariables.Get(context, "txn.who"));
    }
}
