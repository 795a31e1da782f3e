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
        [200] = Page("200 OK", "Service ready."),
        [400] = Page("400 Bad request", "Your browser sent an invalid request."),
        [401] = Page("401 Unauthorized", "You need a valid user and password to access this content."),
        [403] = Page("403 Forbidden", "Request forbidden by administrative rules."),
        [404] = Page("404 Not Found", "The resource could not be found."),
        [405] = Page("405 Method Not Allowed", "A request was made of a resource using a request method not supported by that resource"),
        [407] = Page("407 Unauthorized", "You need a valid user and password to access this content."),
        [408] = Page("408 Request Time-out", "Your browser didn't send a complete request in time."),
        [410] = Page("410 Gone", "The resource is no longer available and will not be available again."),
        [413] = Page("413 Payload Too Large", "The request entity exceeds the maximum allowed."),
        [421] = Page("421 Misdirected Request", "Request sent to a non-authoritative server."),
        [422] = Page("422 Unprocessable Content", "The server cannot process the contained instructions."),
        [425] = Page("425 Too Early", "Your browser sent early data."),
        [429] = Page("429 Too Many Requests", "You have sent too many requests in a given amount of time."),
        [500] = Page("500 Internal Server Error", "An internal server error occurred."),
        // The leading '.' is in haproxy 2.6.12's own page.
        [501] = Page("501 Not Implemented", ".The server does not support the functionality required to fulfill the request."),
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
