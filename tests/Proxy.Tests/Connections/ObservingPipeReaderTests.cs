using System.Buffers;
using System.IO.Pipelines;
using Proxy.Connections;

namespace Proxy.Tests.Connections;

public class ObservingPipeReaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_Watched_ObservedResultReturnedWhetherReadyOrPending(bool dataFirst)
    {
        var pipe = new Pipe();
        var reader = new Completing(pipe.Reader, watch: true);
        if (dataFirst)
        {
            await pipe.Writer.WriteAsync("abc"u8.ToArray());
        }

        var read = reader.ReadAsync();
        if (!dataFirst)
        {
            await pipe.Writer.WriteAsync("abc"u8.ToArray());
        }

        var result = await read;

        Assert.True(result.IsCompleted);
        Assert.Equal(3, result.Buffer.Length);
        Assert.Equal(1, reader.Observed);
    }

    [Fact]
    public async Task ReadAsync_NotWatched_InnerResultUntouched()
    {
        var pipe = new Pipe();
        var reader = new Completing(pipe.Reader, watch: false);
        await pipe.Writer.WriteAsync("abc"u8.ToArray());

        var result = await reader.ReadAsync();

        Assert.False(result.IsCompleted);
        Assert.Equal(0, reader.Observed);
    }

    [Fact]
    public async Task TryRead_Watched_Observed()
    {
        var pipe = new Pipe();
        var reader = new Completing(pipe.Reader, watch: true);
        await pipe.Writer.WriteAsync("abc"u8.ToArray());

        Assert.True(reader.TryRead(out var result));

        Assert.True(result.IsCompleted);
        Assert.Equal(1, reader.Observed);
    }

    [Fact]
    public async Task ReadAsync_StackedWrappersReadPending_HooksRunInNestingOrderAndTheSourceIsReadOnce()
    {
        var pipe = new Pipe();
        var log = new List<string>();
        var inner = new Logging(pipe.Reader, "inner", log);
        var outer = new Logging(inner, "outer", log);

        var read = outer.ReadAsync();
        await pipe.Writer.WriteAsync("abc"u8.ToArray());
        var result = await read;

        Assert.Equal(["before outer", "before inner", "observe inner", "observe outer"], log);
        Assert.Equal(3, result.Buffer.Length);
    }

    [Fact]
    public async Task ReadAsync_OnlyTheInnerWrapperWatches_OnlyItObserves()
    {
        var pipe = new Pipe();
        var inner = new Completing(pipe.Reader, watch: true);
        var outer = new Completing(inner, watch: false);
        await pipe.Writer.WriteAsync("abc"u8.ToArray());

        var result = await outer.ReadAsync();

        Assert.True(result.IsCompleted);
        Assert.Equal(1, inner.Observed);
        Assert.Equal(0, outer.Observed);
    }

    // Records its hooks' order.
    private sealed class Logging(PipeReader inner, string name, List<string> log) : ObservingPipeReader(inner)
    {
        protected override bool BeforeRead()
        {
            log.Add("before " + name);
            return true;
        }

        protected override ReadResult Observe(ReadResult result)
        {
            log.Add("observe " + name);
            return result;
        }
    }

    // Marks every watched result completed, and counts them.
    private sealed class Completing(PipeReader inner, bool watch) : ObservingPipeReader(inner)
    {
        public int Observed { get; private set; }

        protected override bool BeforeRead() => watch;

        protected override ReadResult Observe(ReadResult result)
        {
            Observed++;
            return new ReadResult(result.Buffer, isCanceled: false, isCompleted: true);
        }
    }
}
