using System.Buffers;
using System.Text;

namespace Proxy.Http.Upstream;

/// <summary>
/// A growable byte buffer for one request head, rented from the shared pool and kept by its connection, so writing
/// a head allocates nothing once the buffer is big enough.
/// </summary>
internal sealed class H1WriteBuffer : IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(4096);

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_array.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Appends a header value or request-line part: UTF-8, which is the bytes themselves for ASCII.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _array.AsSpan(Length));
    }

    /// <summary>Appends a header name in lower case (haproxy 2.6 sends HTX's lower-cased names on HTTP/1).</summary>
    public void AppendLowerName(ReadOnlySpan<char> name)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(name.Length));
        var span = _array.AsSpan(Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c >= 0x80)
            {
                // Not a token: Kestrel rejects such names, but stay safe and write what there is.
                Length += Encoding.UTF8.GetBytes(name[i..], span[i..]);
                return;
            }

            span[i] = (byte)(c is >= 'A' and <= 'Z' ? c | 0x20 : c);
        }

        Length += name.Length;
    }

    /// <summary>Appends <paramref name="value"/> in lower-case hexadecimal (a chunk size).</summary>
    public void AppendHex(long value)
    {
        Reserve(16);
        value.TryFormat(_array.AsSpan(Length), out var written, "x", System.Globalization.CultureInfo.InvariantCulture);
        Length += written;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Reserve(int count)
    {
        if (Length + count <= _array.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, Length + count));
        _array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
