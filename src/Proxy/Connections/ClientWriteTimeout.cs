using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Proxy.Connections;

/// <summary>
/// haproxy 2.6 `timeout client` while a response is sent: a client that stops reading for that long is cut off,
/// and the request is logged `cD` (client-side timeout in the data phase). Kestrel has no per-write timeout, so this
/// connection middleware wraps the raw output (before TLS, so it bounds what reaches the socket on any bind): a
/// flush still waiting for the client to make room after the frontend's timeout client aborts the connection and
/// notes it in the connection's items, where the access log reads it (<see cref="Expired(HttpContext)"/>).
/// Tunnels (WebSocket) are exempt: haproxy applies `timeout tunnel` there, and the forwarder enforces it.
/// </summary>
internal sealed class ClientWriteTimeout(TimeSpan timeout, TimeProvider time)
{
    private static readonly object Key = new();

    /// <summary>True when <paramref name="context"/>'s connection was cut because the client stopped reading.</summary>
    public static bool Expired(HttpContext context)
        => context.Features.Get<IConnectionItemsFeature>()?.Items is { } items && State(items) is { Expired: true };

    /// <summary>Exempts <paramref name="context"/>'s connection from now on (it became a tunnel).</summary>
    public static void Suspend(HttpContext context)
    {
        if (context.Features.Get<IConnectionItemsFeature>()?.Items is { } items && State(items) is { } writer)
        {
            writer.Suspended = true;
        }
    }

    /// <summary>Connection middleware: bounds every flush of the connection's output.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var transport = connection.Transport;
        var output = new Writer(transport.Output, connection, timeout, time);
        connection.Items[Key] = output;
        connection.Transport = new DuplexPipe(transport.Input, output);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    }

    private static Writer? State(IDictionary<object, object?> items) => items.TryGetValue(Key, out var value) ? value as Writer : null;

    /// <summary>The output, passed through; only a flush that does not complete at once is timed.</summary>
    internal sealed class Writer(PipeWriter inner, ConnectionContext connection, TimeSpan timeout, TimeProvider time) : PipeWriter
    {
        private volatile bool _expired;

        /// <summary>The client stopped reading for timeout client and the connection was aborted.</summary>
        public bool Expired => _expired;

        /// <summary>No timeout applies any more (a tunnel).</summary>
        public bool Suspended { get; set; }

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override void Advance(int bytes) => inner.Advance(bytes);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            var flush = inner.FlushAsync(cancellationToken);
            return flush.IsCompleted || Suspended ? flush : WaitAsync(flush);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        private async ValueTask<FlushResult> WaitAsync(ValueTask<FlushResult> flush)
        {
            var pending = flush.AsTask();
            try
            {
                return await pending.WaitAsync(timeout, time);
            }
            catch (TimeoutException)
            {
                _expired = true;
                connection.Abort(new ConnectionAbortedException("timeout client: the client stopped reading the response"));
                // The abort completes the pending flush (the socket's sender stops); report the output as finished.
                _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return new FlushResult(isCanceled: false, isCompleted: true);
            }
        }
    }
}
