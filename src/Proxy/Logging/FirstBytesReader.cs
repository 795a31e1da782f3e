using System.IO.Pipelines;

namespace Proxy.Logging;

/// <summary>
/// The connection's input, unchanged, except that the first read returning data while the connection waits for a
/// request stamps <see cref="ClientConnection.MarkFirstBytes"/> (haproxy's end of %Ti, start of %TR), a read made
/// after the application ended tells the connection that Kestrel reads the next request
/// (<see cref="ClientConnection.ReadIssued"/>), and the client's end of input seen while Kestrel reads a request head
/// is noted (<see cref="ClientConnection.MarkInputEnded"/>) and told to the connection's output, which answers a cut
/// head. Reads made while a request is in progress pass straight through.
/// </summary>
internal sealed class FirstBytesReader(PipeReader inner, ClientConnection connection, TimeProvider time, Connections.KestrelAnswerWriter? output = null)
    : Connections.ObservingPipeReader(inner)
{
    protected override bool BeforeRead()
    {
        connection.ReadIssued();
        return connection.WatchingReads;
    }

    protected override ReadResult Observe(ReadResult result)
    {
        Stamp(result);
        return result;
    }

    private void Stamp(in ReadResult result)
    {
        if (!result.Buffer.IsEmpty)
        {
            connection.MarkHeadBytes();
            if (connection.AwaitingRequest)
            {
                connection.MarkFirstBytes(time.GetTimestamp());
            }
        }

        if (result.IsCompleted)
        {
            connection.MarkInputEnded();
            output?.OnInputEnded();
        }
    }
}
