namespace Proxy.Wire;

/// <summary>
/// The header names of a raw HTTP/1 request head (<see cref="RequestHeadRecorder.TakeHead"/>), in the order the client
/// wrote them, without allocating. The head is only trusted when its request line starts with the request's method:
/// otherwise it enumerates nothing and the caller keeps Kestrel's order.
/// </summary>
internal ref struct RequestHeadLines
{
    private ReadOnlySpan<byte> _rest;

    /// <summary>Reads <paramref name="head"/> when its request line starts with <paramref name="method"/> and a space.</summary>
    public RequestHeadLines(ReadOnlySpan<byte> head, string method)
    {
        var line = head.IndexOf("\r\n"u8);
        _rest = line > method.Length && StartsWithMethod(head, method) ? head[(line + 2)..] : [];
        Current = default;
        Value = default;
    }

    /// <summary>The current header's name, as written.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>The current header's value without the blanks around it (RFC 9112 §5: optional whitespace).</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    public readonly RequestHeadLines GetEnumerator() => this;

    /// <summary>Moves to the next header line; false at the empty line that ends the head.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            var end = _rest.IndexOf("\r\n"u8);
            if (end <= 0)
            {
                // The empty line (or a head cut short): done.
                _rest = [];
                return false;
            }

            var line = _rest[..end];
            _rest = _rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            // RFC 9112 §5.1: no whitespace before the colon; obsolete line folding starts with whitespace (Kestrel refuses both).
            if (colon > 0 && line[0] is not ((byte)' ' or (byte)'\t'))
            {
                Current = line[..colon];
                Value = line[(colon + 1)..].Trim(" \t"u8);
                return true;
            }
        }
    }

    private static bool StartsWithMethod(ReadOnlySpan<byte> head, string method)
    {
        for (var i = 0; i < method.Length; i++)
        {
            if (head[i] != method[i])
            {
                return false;
            }
        }

        return head[method.Length] == (byte)' ';
    }
}
