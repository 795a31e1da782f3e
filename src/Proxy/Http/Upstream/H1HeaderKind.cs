namespace Proxy.Http.Upstream;

/// <summary>Response headers the forwarder treats itself instead of copying them to the client.</summary>
internal enum H1HeaderKind : byte
{
    /// <summary>Copied to the client as it is.</summary>
    Other,

    /// <summary>Framing: the client's side gets its own from Kestrel.</summary>
    ContentLength,

    /// <summary>Hop-by-hop (Connection, Keep-Alive, Transfer-Encoding, Proxy-Connection, Upgrade): not copied.</summary>
    HopByHop,
}
