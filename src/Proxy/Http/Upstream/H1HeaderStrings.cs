using System.Collections.Frozen;
using System.Text;

namespace Proxy.Http.Upstream;

/// <summary>
/// Strings for response header names or values, remembered per position in the head: a server answers with the
/// same headers in the same order most of the time (Server, Content-Type, often the same Date within a second),
/// so a connection reuses the strings of its previous response instead of allocating new ones.
/// </summary>
internal sealed class H1HeaderStrings(bool names = false)
{
    private const int Slots = 32;

    // Kestrel's response headers find a known name by reference before comparing it case-blind: a name spelled
    // exactly as ASP.NET's constant becomes that constant (same text, so nothing changes on the wire).
    private static readonly FrozenDictionary<string, string> KnownNames = typeof(Microsoft.Net.Http.Headers.HeaderNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(string))
        .Select(f => (string)f.GetValue(null)!)
        .Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(n => n, n => n, StringComparer.Ordinal);

    private readonly byte[]?[] _raw = new byte[]?[Slots];
    private readonly string?[] _text = new string?[Slots];

    /// <summary>The Latin-1 string of <paramref name="bytes"/> (SocketsHttpHandler decodes response headers so too).</summary>
    public string Get(int slot, ReadOnlySpan<byte> bytes)
    {
        if (slot >= Slots)
        {
            return Encoding.Latin1.GetString(bytes);
        }

        if (_raw[slot] is { } raw && _text[slot] is { } text && raw.AsSpan().SequenceEqual(bytes))
        {
            return text;
        }

        var made = Encoding.Latin1.GetString(bytes);
        if (names && KnownNames.TryGetValue(made, out var known))
        {
            made = known;
        }

        _raw[slot] = bytes.ToArray();
        _text[slot] = made;
        return made;
    }
}
