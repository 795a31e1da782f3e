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
    private static readonly FrozenDictionary<int, byte[]> Bodies = new Dictionary<int, byte[]>
    {
        [400] = Page("400 Bad request", "Your browser sent an invalid request."),
        [403] = Page("403 Forbidden", "Request forbidden by administrative rules."),
        [408] = Page("408 Request Time-out", "Your browser didn't send a complete request in time."),
        [500] = Page("500 Internal Server Error", "An internal server error occurred."),
        [502] = Page("502 Bad Gateway", "The server returned an invalid or incomplete response."),
        [503] = Page("503 Service Unavailable", "No server is available to handle this request."),
        [504] = Page("504 Gateway Time-out", "The server didn't respond in time."),
    }.ToFrozenDictionary();

    /// <summary>The body HAProxy sends for <paramref name="status"/>.</summary>
    public static ReadOnlyMemory<byte> Body(int status) => Bodies[status];

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

        var body = Bodies[status];
        response.Clear();
        response.StatusCode = status;
        response.Headers[HeaderNames.CacheControl] = "no-cache";
        response.Headers[HeaderNames.ContentType] = "text/html";
        if (status == StatusCodes.Status408RequestTimeout)
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

            response.Headers.Append(name, value);
        }

        // A declared length longer than the file's body would leave Kestrel waiting for bytes that never come.
        response.ContentLength = Math.Min(length ?? message.Body.Length, message.Body.Length);
        return message.Body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(message.Body).AsTask();
    }

    private static byte[] Page(string title, string text)
        => Encoding.ASCII.GetBytes($"<html><body><h1>{title}</h1>\n{text}\n</body></html>\n");
}
