namespace Vrrp.Netlink;

/// <summary>
/// Watches RTNLGRP_LINK (group 1) on a dedicated thread; receives time out every 500 ms so disposal ends it.
/// </summary>
public sealed class NetlinkLinkMonitor : ILinkMonitor, IDisposable
{
    private readonly NetlinkSocket _socket = new(TimeSpan.FromMilliseconds(500), 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    /// <summary>Starts watching.</summary>
    public NetlinkLinkMonitor()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "vrrp-link-monitor" };
        _thread.Start();
    }

    /// <inheritdoc/>
    public event Action<int, bool>? LinkChanged;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(2));
        _socket.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[16384];
        while (!_stop.IsCancellationRequested)
        {
            var n = _socket.Receive(buffer);
            if (n == 0)
            {
                continue;
            }

            foreach (var (index, up) in NetlinkMessages.ReadLinks(buffer.AsSpan(0, n)))
            {
                LinkChanged?.Invoke(index, up);
            }
        }
    }
}
