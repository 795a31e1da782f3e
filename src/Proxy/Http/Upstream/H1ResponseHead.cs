namespace Proxy.Http.Upstream;

/// <summary>
/// A server's response head as <see cref="H1ResponseParser"/> found it: offsets into the parsed bytes, so parsing
/// allocates nothing. One instance per upstream connection, reused for each response.
/// </summary>
internal sealed class H1ResponseHead
{
    private H1HeaderRange[] _headers = new H1HeaderRange[32];

    /// <summary>1 for HTTP/1.1, 0 for HTTP/1.0.</summary>
    public int MinorVersion { get; set; }

    public int Status { get; set; }

    public int ReasonStart { get; set; }

    public int ReasonLength { get; set; }

    /// <summary>Bytes from the status line to the empty line included.</summary>
    public int Length { get; set; }

    /// <summary>The Content-Length; -1 when absent (or when the body is chunked).</summary>
    public long ContentLength { get; set; }

    /// <summary>Transfer-Encoding ends with chunked.</summary>
    public bool Chunked { get; set; }

    /// <summary>A Transfer-Encoding other than chunked last: the body ends when the server closes.</summary>
    public bool OtherTransferEncoding { get; set; }

    /// <summary>The connection cannot carry another request (Connection: close, or HTTP/1.0 without keep-alive).</summary>
    public bool Close { get; set; }

    public int HeaderCount { get; private set; }

    public ReadOnlySpan<H1HeaderRange> Headers => _headers.AsSpan(0, HeaderCount);

    public void Reset()
    {
        MinorVersion = Status = ReasonStart = ReasonLength = Length = HeaderCount = 0;
        ContentLength = -1;
        Chunked = OtherTransferEncoding = Close = false;
    }

    public void Add(in H1HeaderRange header)
    {
        if (HeaderCount == _headers.Length)
        {
            Array.Resize(ref _headers, _headers.Length * 2);
        }

        _headers[HeaderCount++] = header;
    }
}
