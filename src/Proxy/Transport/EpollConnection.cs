using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Proxy.Transport;

/// <summary>
/// One accepted TCP connection on an <see cref="EpollLoop"/>: the socket's bytes into the input pipe Kestrel reads,
/// the output pipe Kestrel writes onto the socket. The semantics are those of Kestrel's own socket transport (end of
/// input completes the pipe, a reset completes it with <see cref="ConnectionResetException"/>, Abort shuts the
/// socket down, ConnectionClosed fires when reading ends); what differs is that a read which did not fill its
/// buffer ends a pass, so the next recv(2) waits for the next EPOLLIN edge instead of probing for EAGAIN (haproxy
/// 2.6 does the same), and a write goes straight from the writer's flush to send(2).
/// </summary>
internal sealed partial class EpollConnection : ConnectionContext, IConnectionIdFeature, IConnectionTransportFeature,
    IConnectionItemsFeature, IMemoryPoolFeature, IConnectionLifetimeFeature, IConnectionEndPointFeature, IEpollHandler
{
    private static long _lastId;

    private readonly int _fd;
    private readonly EpollLoop _loop;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly CancellationTokenSource _closed = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private nint _registration;
    private string? _id;
    private IDictionary<object, object?>? _items;
    private volatile ConnectionAbortedException? _abortReason;
    private int _shutDown;

    // 2 once both the receiving and the sending side are done; the socket is closed then.
    private int _sidesDone;

    public EpollConnection(int fd, EpollLoop loop, MemoryPool<byte> pool, long maxInputBuffer, long maxOutputBuffer)
    {
        _fd = fd;
        _loop = loop;
        MemoryPool = pool;
        // Kestrel's transport pipe options: the application's reads continue inline on the loop's thread, and the
        // transport's own reads of the output inline on the writer's (no thread hop per request either way).
        _input = new Pipe(new PipeOptions(pool, PipeScheduler.Inline, PipeScheduler.Inline,
            maxInputBuffer, maxInputBuffer / 2, useSynchronizationContext: false));
        _output = new Pipe(new PipeOptions(pool, PipeScheduler.Inline, PipeScheduler.Inline,
            maxOutputBuffer, maxOutputBuffer / 2, useSynchronizationContext: false));
        Transport = new Connections.DuplexPipe(_input.Reader, _output.Writer);
        LocalEndPoint = LinuxNet.EndPointOf(fd, peer: false);
        RemoteEndPoint = LinuxNet.EndPointOf(fd, peer: true);
        Features = new EpollConnectionFeatures(this);
    }

    public override string ConnectionId
    {
        get => _id ??= "E" + Interlocked.Increment(ref _lastId).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        set => _id = value;
    }

    public override IFeatureCollection Features { get; }

    public override IDictionary<object, object?> Items
    {
        get => _items ??= new ConnectionItems();
        set => _items = value;
    }

    public override IDuplexPipe Transport { get; set; }

    public override CancellationToken ConnectionClosed
    {
        get => _closed.Token;
        set => throw new NotSupportedException();
    }

    public override EndPoint? LocalEndPoint { get; set; }

    public override EndPoint? RemoteEndPoint { get; set; }

    public MemoryPool<byte> MemoryPool { get; }

    /// <summary>Registers the socket with its loop and starts sending; reading starts with the first EPOLLIN edge.</summary>
    public void Start()
    {
        _ = SendLoopAsync();
        // Registration reports data that is already there (ep_insert polls the descriptor once).
        _registration = _loop.Register(_fd, this);
    }

    public void OnEvents(uint events)
    {
        if ((events & (LinuxNet.EpollRdHup | LinuxNet.EpollHup | LinuxNet.EpollErr)) != 0)
        {
            // The client's end (or an error) is waiting behind its data: no later edge will announce it.
            Volatile.Write(ref _hungUp, true);
        }

        if ((events & (LinuxNet.EpollIn | LinuxNet.EpollRdHup | LinuxNet.EpollHup | LinuxNet.EpollErr)) != 0)
        {
            OnReadable();
        }

        if ((events & (LinuxNet.EpollOut | LinuxNet.EpollHup | LinuxNet.EpollErr)) != 0)
        {
            OnWritable();
        }
    }

    public override void Abort(ConnectionAbortedException abortReason)
    {
        _abortReason ??= abortReason;
        // Ends the sending side at once; shutdown(2) ends the receiving side through its last edge (recv returns 0).
        _output.Reader.CancelPendingRead();
        ShutDown();
        OnWritable();
    }

    public override async ValueTask DisposeAsync()
    {
        // Kestrel completes its sides of the pipes when the connection's delegate returned; the transport then
        // finishes sending what was written and closes.
        Transport.Input.Complete();
        Transport.Output.Complete();
        // The CancellationTokenSource is not disposed: it has no timer, and ConnectionClosed may still fire after
        // this (its callbacks run on the thread pool), where a disposed source would throw.
        await _ended.Task.ConfigureAwait(false);
    }

    private void ShutDown()
    {
        if (Interlocked.Exchange(ref _shutDown, 1) == 0)
        {
            Interop.Shutdown(_fd, LinuxNet.ShutBoth);
        }
    }

    private void SideDone()
    {
        if (Interlocked.Increment(ref _sidesDone) != 2)
        {
            return;
        }

        _loop.Unregister(_fd, _registration);
        Interop.Close(_fd);
        _ended.TrySetResult();
    }

    private void FireConnectionClosed()
    {
        // As Kestrel's transport: ConnectionClosed's callbacks (request aborts) run on the thread pool, not here.
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.CancelClosed(), this, preferLocal: false);
    }

    private void CancelClosed() => _closed.Cancel();
}
