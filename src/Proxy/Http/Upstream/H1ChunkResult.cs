namespace Proxy.Http.Upstream;

/// <summary>What <see cref="H1ChunkedDecoder.Read"/> found next in a chunked body.</summary>
internal enum H1ChunkResult
{
    /// <summary>Nothing more can be decoded from the bytes at hand: read more.</summary>
    NeedMore,

    /// <summary>Body data was returned.</summary>
    Data,

    /// <summary>The last chunk and the trailer section were read: the body is complete.</summary>
    Done,

    /// <summary>Not valid chunked framing (a bad chunk size, a missing CRLF, an endless line).</summary>
    Invalid,
}
