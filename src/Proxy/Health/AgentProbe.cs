using System.Net.Sockets;
using System.Text;

namespace Proxy.Health;

/// <summary>
/// Asks a server's agent once (haproxy 2.6 `agent-check`): a TCP connection to `agent-addr`:`agent-port`, the
/// `agent-send` string if any, then one line read up to the first newline or the close. Null when there is nothing to
/// act on: the agent refused, timed out or sent nothing (2.6.12 leaves the server as it is then).
/// </summary>
internal sealed class AgentProbe(CheckConnector connector, byte[] send)
{
    // haproxy 2.6 reads the reply into one check buffer (tune.bufsize, 16 kB).
    private const int MaxReply = 16384;

    public async Task<(AgentReply Reply, TimeSpan Duration)?> RunAsync(CancellationToken cancellationToken)
    {
        var started = connector.Time.GetTimestamp();
        var (socket, failure) = await connector.ConnectAsync(started, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return null;
        }

        using var _ = socket;
        using var timer = connector.ReadDeadline(started);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var buffer = new byte[MaxReply];
        var length = 0;
        try
        {
            if (send.Length > 0)
            {
                await socket!.SendAsync(send, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            }

            while (length < buffer.Length && buffer.AsSpan(0, length).IndexOf((byte)'\n') < 0)
            {
                var read = await socket!.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (SocketException)
        {
            // A reset: whatever arrived before it is still the agent's word.
        }

        return length == 0 ? null : (AgentReply.Parse(Encoding.Latin1.GetString(buffer, 0, length)), connector.Elapsed(started));
    }
}
