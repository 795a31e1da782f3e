using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Proxy.Logging;

/// <summary>
/// Wraps the response body feature to count the body bytes sent (%B) without copying them: every write path
/// (Stream, PipeWriter, SendFile) goes to the inner feature after adding its length.
/// </summary>
internal sealed class CountingResponseBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private Stream? _stream;
    private PipeWriter? _writer;
    private long _bytes;

    /// <summary>Body bytes written so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The feature this one wraps.</summary>
    public IHttpResponseBodyFeature Inner { get; } = inner;

    public Stream Stream => _stream ??= new CountingStream(Inner.Stream, this);

    public PipeWriter Writer => _writer ??= new CountingPipeWriter(Inner.Writer, this);

    public Task CompleteAsync() => Inner.CompleteAsync();

    public void DisableBuffering() => Inner.DisableBuffering();

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await Inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
        Add(count ?? new FileInfo(path).Length - offset);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Inner.StartAsync(cancellationToken);

    private void Add(long count) => Interlocked.Add(ref _bytes, count);

    private sealed class CountingPipeWriter(PipeWriter inner, CountingResponseBody owner) : PipeWriter
    {
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            owner.Add(bytes);
            inner.Advance(bytes);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            owner.Add(source.Length);
            return inner.WriteAsync(source, cancellationToken);
        }
    }

    private sealed class CountingStream(Stream inner, CountingResponseBody owner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            owner.Add(count);
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            owner.Add(buffer.Length);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            owner.Add(count);
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            owner.Add(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }
    }
}
