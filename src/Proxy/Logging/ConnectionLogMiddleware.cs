using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Proxy.Logging;

/// <summary>
/// Kestrel connection middleware for the access log, in two steps around TLS: <see cref="OnAcceptAsync"/> (first,
/// before any handshake) counts the connection in the process (%ac) and its frontend (%fc) and notes the accept
/// time; <see cref="OnReadyAsync"/> (after the handshake, so it sees plain bytes) keeps a <see cref="ClientConnection"/>
/// in the connection's items and watches its input for the first bytes of each request (%Th, %Ti, %TR).
/// </summary>
internal sealed class ConnectionLogMiddleware(ClientConnections connections, Runtime.FrontendState frontend, AccessLogPlan? plan, TimeProvider time)
{
    /// <summary>Counts the connection while it lives.</summary>
    public async Task OnAcceptAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        frontend.CountConnection();
        var state = new ClientConnection(connections, plan, time.GetTimestamp());
        state.Attach(connection.Items);
        try
        {
            await next(connection);
        }
        finally
        {
            state.Leave();
        }
    }

    /// <summary>Notes the end of the handshake and watches the connection's input.</summary>
    public async Task OnReadyAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        if (ClientConnection.Of(connection.Items) is not { } state)
        {
            await next(connection);
            return;
        }

        state.Ready(time.GetTimestamp());
        var transport = connection.Transport;
        connection.Transport = new Duplex(new FirstBytesReader(transport.Input, state, time), transport.Output);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
