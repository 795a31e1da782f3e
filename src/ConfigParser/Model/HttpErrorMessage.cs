namespace ConfigParser.Model;

/// <summary>
/// A complete HTTP response HAProxy sends as an error page: what an errorfile holds (parsed once at load), or the
/// redirect an errorloc builds. The proxy replays it instead of its built-in page.
/// </summary>
/// <param name="Version">The status line's version ("HTTP/1.0", "HTTP/1.1").</param>
/// <param name="Status">The status code on the status line.</param>
/// <param name="Reason">The reason phrase as written.</param>
/// <param name="Headers">Header fields in file order, names as written.</param>
/// <param name="Body">The body bytes (what follows the empty line, cut at Content-Length when present).</param>
public sealed record HttpErrorMessage(string Version, int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>An empty errorfile: HAProxy then closes the connection without answering.</summary>
    public static HttpErrorMessage Empty { get; } = new("", 0, "", [], ReadOnlyMemory<byte>.Empty);

    /// <summary>True for the empty errorfile.</summary>
    public bool IsEmpty => Status == 0;

    /// <summary>The redirect errorloc sends (haproxy 2.6 http_parse_errorloc: no-cache, no body).</summary>
    public static HttpErrorMessage Redirect(int status, string location) => new(
        "HTTP/1.1",
        status,
        status == 303 ? "See Other" : "Found",
        [new("cache-control", "no-cache"), new("content-length", "0"), new("location", location)],
        ReadOnlyMemory<byte>.Empty);
}
