using System.Collections.Frozen;
using System.Text;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Proxy.Http;

/// <summary>
/// HAProxy 2.6's error responses: the configured errorfile/errorloc page for the request's proxies when there is
/// one (<see cref="ErrorPagesFeature"/>), else the built-in page (src/http.c http_err_msgs) with the same status,
/// headers and body bytes, so clients and monitoring that match on them keep working.
/// </summary>
internal static class HaproxyErrorPages
{
    // Status → (reason phrase, body), as haproxy 2.6.12 sends them (captured with `http-request deny deny_status N`).
    // The reason phrases are HAProxy's, not Kestrel's ("Bad request", "Request Time-out", and "Unauthorized" for 407).
    private static readonly FrozenDictionary<int, (string Reason, byte[] Body)> Pages = new Dictionary<int, (string, byte[])>
    {
        [200] = Page(200, "OK", "Service ready."),
        [400] = Page(400, "Bad request", "Your browser sent an invalid request."),
        [401] = Page(401, "Unauthorized", "You need a valid user and password to access this content."),
        [403] = Page(403, "Forbidden", "Request forbidden by administrative rules."),
        [404] = Page(404, "Not Found", "The resource could not be found."),
        [405] = Page(405, "Method Not Allowed", "A request was made of a resource using a request method not supported by that resource"),
        [407] = Page(407, "Unauthorized", "You need a valid user and password to access this content."),
        [408] = Page(408, "Request Time-out", "Your browser didn't send a complete request in time."),
        [410] = Page(410, "Gone", "The resource is no longer available and will not be available again."),
        [413] = Page(413, "Payload Too Large", "The request entity exceeds the maximum allowed."),
        [421] = Page(421, "Misdirected Request", "Request sent to a non-authoritative server."),
        [422] = Page(422, "Unprocessable Content", "The server cannot process the contained instructions."),
        [425] = Page(425, "Too Early", "Your browser sent early data."),
        [429] = Page(429, "Too Many Requests", "You have sent too many requests in a given amount of time."),
        [500] = Page(500, "Internal Server Error", "An internal server error occurred."),
        // The leading dot is in HAProxy's own page.
        [501] = Page(501, "Not Implemented", ".The server does not support the functionality required to fulfill the request."),
        [502] = Page(502, "Bad Gateway", "The server returned an invalid or incomplete response."),
        [503] = Page(503, "Service Unavailable", "No server is available to handle this request."),
        [504] = Page(504, "Gateway Time-out", "The server didn't respond in time."),
    }.ToFrozenDictionary();

    /// <summary>The body HAProxy sends for <paramref name="status"/>.</summary>
    public static ReadOnlyMemory<byte> Body(int status) => Pages[status].Body;

    /// <summary>True for the statuses HAProxy has a page for (src/http.c http_err_codes).</summary>
    public static bool HasPage(int status) => Pages.ContainsKey(status);

    /// <summary>
    /// Replaces whatever response was being prepared with the error page for <paramref name="status"/>: the
    /// request's configured page if any, else HAProxy's own.
    /// </summary>
    public static Task WriteAsync(HttpResponse response, int status)
    {
        if (response.HttpContext.Features.Get<ErrorPagesFeature>()?.Find(status) is { } configured)
        {
            return WriteAsync(response, configured);
        }

        // A status without a page of HAProxy's (a rule's deny_status 418, say) is sent as the one for 500 would be,
        // under its own status line: HAProxy 2.6 refuses such codes at parse time, so this is only a safety net.
        var (reason, body) = Pages.TryGetValue(status, out var page) ? page : (null, Pages[500].Body);
        response.Clear();
        response.StatusCode = status;
        if (reason is not null && response.HttpContext.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reason;
        }

        response.Headers[HeaderNames.CacheControl] = "no-cache";
        response.Headers[HeaderNames.ContentType] = "text/html";
        // HTTP/2 has no Connection header (Kestrel would drop it with a warning per response).
        if (status is StatusCodes.Status400BadRequest or StatusCodes.Status408RequestTimeout
            && !HttpProtocol.IsHttp2(response.HttpContext.Request.Protocol) && !HttpProtocol.IsHttp3(response.HttpContext.Request.Protocol))
        {
            response.Headers[HeaderNames.Connection] = "close";
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>
    /// Sends an errorfile's response (or an errorloc redirect) as HAProxy does: its status line's code and reason,
    /// its headers in order minus Connection (a hop-by-hop header HAProxy re-derives), its body. An empty errorfile
    /// closes the connection without an answer. Kestrel always says HTTP/1.1 and needs a length, so a file without
    /// Content-Length gets one for its body (HAProxy instead closes after the body).
    /// </summary>
    public static Task WriteAsync(HttpResponse response, HttpErrorMessage message)
    {
        if (message.IsEmpty)
        {
            response.HttpContext.Abort();
            return Task.CompletedTask;
        }

        response.Clear();
        response.StatusCode = message.Status;
        if (response.HttpContext.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = message.Reason;
        }

        long? length = null;
        foreach (var (name, value) in message.Headers)
        {
            if (name.Equals(HeaderNames.Connection, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            // haproxy 2.6 emits header names in lower case; Kestrel still writes the names it knows its own way.
            response.Headers.Append(name.ToLowerInvariant(), value);
        }

        // A declared length longer than the file's body would leave Kestrel waiting for bytes that never come.
        response.ContentLength = Math.Min(length ?? message.Body.Length, message.Body.Length);
        return message.Body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(message.Body).AsTask();
    }

    private static (string, byte[]) Page(int status, string reason, string text)
        => (reason, Encoding.ASCII.GetBytes($"<html><body><h1>{status} {reason}</h1>\n{text}\n</body></html>\n"));
}
