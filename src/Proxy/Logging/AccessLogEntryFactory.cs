using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Proxy.Logging;

/// <summary>
/// Builds the <see cref="AccessLogEntry"/> of a finished request from the HttpContext (addresses, request line,
/// captures, status) and the values only the handler knows, passed as plain parameters so that whatever records
/// the request's outcome (RequestOutcome of the forwarding work) can be wired here in one place.
/// </summary>
internal static class AccessLogEntryFactory
{
    /// <summary>What the handler knows about one request; every timer in milliseconds, -1 when the phase was not reached.</summary>
    /// <param name="Backend">The backend chosen, or null (the frontend's name is logged, as haproxy does).</param>
    /// <param name="Server">The server used, or null (`&lt;NOSRV&gt;`).</param>
    /// <param name="ServerAddress">The server's address, or null.</param>
    /// <param name="TerminationState">Two characters, "--" when the request ended normally.</param>
    /// <param name="QueueMs">Tw.</param>
    /// <param name="ConnectMs">Tc.</param>
    /// <param name="ResponseMs">Tr.</param>
    /// <param name="Retries">Retries.</param>
    /// <param name="Redispatched">The request went to another server after a failure.</param>
    /// <param name="BackendConnections">%bc when logged.</param>
    /// <param name="ServerConnections">%sc when logged.</param>
    /// <param name="KestrelDate">The response had no Date header when it started: the one sent is Kestrel's own.</param>
    /// <param name="NoBackend">The frontend found no backend (haproxy 2.6 then logs TR as -1).</param>
    /// <param name="HandshakeMs">Th (first request of a TLS connection only).</param>
    /// <param name="IdleMs">Ti.</param>
    /// <param name="RequestMs">TR.</param>
    /// <param name="RecordedStatus">The status the handler recorded: positive when it answered (the headers may still be
    /// unsent when a response without body ends), -1 when it sent nothing (client gone), 0 when it kept no record.</param>
    public readonly record struct Outcome(
        string? Backend,
        string? Server,
        IPEndPoint? ServerAddress,
        string TerminationState,
        long QueueMs,
        long ConnectMs,
        long ResponseMs,
        int Retries,
        bool Redispatched,
        int BackendConnections,
        int ServerConnections,
        bool KestrelDate = false,
        bool NoBackend = false,
        int RecordedStatus = 0,
        long HandshakeMs = 0,
        long IdleMs = 0,
        long RequestMs = 0);

    /// <summary>The entry for <paramref name="context"/>'s request.</summary>
    /// <param name="context">The finished request.</param>
    /// <param name="plan">The frontend's plan (name, captures).</param>
    /// <param name="outcome">What the handler recorded.</param>
    /// <param name="acceptDate">When the request began (local time).</param>
    /// <param name="activeMs">From the request's complete headers to the end of the response (Ta without TR).</param>
    /// <param name="bodyBytes">Response body bytes sent.</param>
    /// <param name="activeConnections">%ac.</param>
    /// <param name="frontendConnections">%fc.</param>
    /// <param name="requestCounter">%rt.</param>
    public static AccessLogEntry Create(
        HttpContext context,
        AccessLogPlan plan,
        in Outcome outcome,
        DateTimeOffset acceptDate,
        long activeMs,
        long bodyBytes,
        int activeConnections,
        int frontendConnections,
        long requestCounter)
    {
        var connection = context.Connection;
        var request = context.Request;
        var response = context.Response;
        var uri = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path.Value + request.QueryString.Value;
        var version = request.Protocol == "HTTP/2" ? "HTTP/2.0" : request.Protocol;
        var started = response.HasStarted;
        // A response without body is flushed by Kestrel after the pipeline ends: what the handler recorded says it was answered.
        var answered = started || outcome.RecordedStatus > 0;
        var status = answered ? response.StatusCode
            : outcome.RecordedStatus < 0 ? 0
            : response.StatusCode != StatusCodes.Status200OK ? response.StatusCode : 0;
        var tls = context.Features.Get<ITlsHandshakeFeature>();
        var termination = outcome.TerminationState.Length >= 2 ? outcome.TerminationState[..2] : "--";
        return new AccessLogEntry
        {
            Client = connection.RemoteIpAddress is { } remote ? new IPEndPoint(remote, connection.RemotePort) : null,
            FrontendAddress = connection.LocalIpAddress is { } local ? new IPEndPoint(local, connection.LocalPort) : null,
            ServerAddress = outcome.ServerAddress,
            AcceptDate = acceptDate,
            Frontend = plan.Frontend,
            IsTls = context.Request.IsHttps,
            Backend = outcome.Backend ?? plan.Frontend,
            Server = outcome.Server,
            HandshakeMs = outcome.HandshakeMs,
            IdleMs = outcome.IdleMs,
            // haproxy 2.6 logs TR as -1 when the frontend found no backend at all (no use_backend matched, no default).
            RequestMs = outcome.NoBackend ? -1 : outcome.RequestMs,
            QueueMs = outcome.QueueMs,
            ConnectMs = outcome.ConnectMs,
            ResponseMs = outcome.ResponseMs,
            // Ta runs from the request's first bytes; Tt from the connection's readiness (Th) or the previous request's end.
            ActiveMs = outcome.RequestMs + activeMs,
            TotalMs = outcome.HandshakeMs + outcome.IdleMs + outcome.RequestMs + activeMs,
            Status = status,
            BytesRead = answered ? HeaderBytes(response, context.Features.Get<IHttpResponseFeature>()?.ReasonPhrase, outcome.KestrelDate) + bodyBytes : bodyBytes,
            BytesUploaded = RequestBytes(request, uri),
            TerminationState = termination + "--",
            ActiveConnections = activeConnections,
            FrontendConnections = frontendConnections,
            BackendConnections = outcome.BackendConnections,
            ServerConnections = outcome.ServerConnections,
            Retries = outcome.Retries,
            Redispatched = outcome.Redispatched,
            RequestCaptures = Capture(plan.RequestCaptures, request.Headers),
            ResponseCaptures = Capture(plan.ResponseCaptures, response.Headers),
            Method = request.Method,
            Uri = uri,
            Version = version,
            RequestCounter = requestCounter,
            TlsVersion = tls?.Protocol.ToString(),
            TlsCipher = null,
            TlsServerName = tls?.HostName,
        };
    }

    /// <summary>
    /// The entry of a request head refused before any request existed (haproxy's "&lt;BADREQ&gt;" line): the frontend as
    /// backend, no server, TR/Tw/Tc/Tr at -1, no bytes, and <paramref name="termination"/> (two letters).
    /// </summary>
    public static AccessLogEntry CreateRefused(
        ConnectionContext connection,
        AccessLogPlan plan,
        int status,
        string termination,
        DateTimeOffset acceptDate,
        long handshakeMs,
        long idleMs,
        long activeMs,
        int activeConnections,
        int frontendConnections) => new()
    {
        Client = connection.RemoteEndPoint as IPEndPoint,
        FrontendAddress = connection.LocalEndPoint as IPEndPoint,
        AcceptDate = acceptDate,
        Frontend = plan.Frontend,
        IsTls = connection.Features.Get<ITlsHandshakeFeature>() is not null,
        Backend = plan.Frontend,
        HandshakeMs = handshakeMs,
        IdleMs = idleMs,
        RequestMs = -1,
        QueueMs = -1,
        ConnectMs = -1,
        ResponseMs = -1,
        ActiveMs = activeMs,
        TotalMs = handshakeMs + idleMs + activeMs,
        Status = status,
        TerminationState = termination + "--",
        ActiveConnections = activeConnections,
        FrontendConnections = frontendConnections,
        IsBadRequest = true,
    };

    // haproxy 2.6 captures the last occurrence of the header, cut at the configured length.
    private static string?[] Capture(IReadOnlyList<(string Name, int Length)> captures, IHeaderDictionary headers)
    {
        if (captures.Count == 0)
        {
            return [];
        }

        var values = new string?[captures.Count];
        for (var i = 0; i < captures.Count; i++)
        {
            var (name, length) = captures[i];
            if (headers.TryGetValue(name, out var value) && value.Count > 0 && value[^1] is { } last)
            {
                values[i] = last.Length > length ? last[..length] : last;
            }
        }

        return values;
    }

    // %B as haproxy 2.6.12 counts it (measured side by side): the size of its internal (HTX) response, i.e. a
    // 20-byte start-line record plus "HTTP/1.1", the 3-digit status and the reason; each header's name and value with
    // no separators; one byte for the end of the headers; then the body. Framing its HTTP/1 layer adds on the way
    // out is not counted, and neither is the Date header Kestrel adds on its own (haproxy never adds one).
    private static long HeaderBytes(HttpResponse response, string? reason, bool kestrelDate)
    {
        reason ??= ReasonPhrases.GetReasonPhrase(response.StatusCode);
        long total = 20 + "HTTP/1.1".Length + 3 + reason.Length + 1;
        // A chunked message ends with an (empty) trailers record of one byte.
        if (response.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            total++;
        }

        foreach (var (name, values) in response.Headers)
        {
            if (kestrelDate && name.Equals("Date", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                total += name.Length + (value?.Length ?? 0);
            }
        }

        return total;
    }

    // %U: the request line and headers as received plus a declared body.
    private static long RequestBytes(HttpRequest request, string uri)
    {
        long total = request.Method.Length + 1 + uri.Length + 1 + request.Protocol.Length + 2 + 2;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                total += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        }

        return total + (request.ContentLength ?? 0);
    }
}
