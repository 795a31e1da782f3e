using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Proxy.Http;

/// <summary>
/// HAProxy 2.6's built-in error responses (src/http.c http_err_msgs): the same status, headers and body bytes,
/// so clients and monitoring that match on them keep working.
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

    /// <summary>Replaces whatever response was being prepared with HAProxy's error page.</summary>
    public static Task WriteAsync(HttpResponse response, int status)
    {
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

    private static byte[] Page(string title, string text)
        => Encoding.ASCII.GetBytes($"<html><body><h1>{title}</h1>\n{text}\n</body></html>\n");
}
