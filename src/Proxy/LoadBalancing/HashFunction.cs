namespace Proxy.LoadBalancing;

/// <summary>The `hash-type` function that turns a key into 32 bits (haproxy 2.6 §4.2 `hash-type`).</summary>
internal enum HashFunction
{
    /// <summary>`sdbm`, the default.</summary>
    Sdbm,

    /// <summary>`djb2`.</summary>
    Djb2,

    /// <summary>`wt6`.</summary>
    Wt6,

    /// <summary>`crc32` (the zlib one).</summary>
    Crc32,
}
