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

    // Marks every watched result completed, and counts them.
    private sealed class Completing(PipeReader inner, bool watch) : ObservingPipeReader<Completing>(inner)
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
