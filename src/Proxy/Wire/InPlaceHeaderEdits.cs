using Microsoft.AspNetCore.Http;

namespace Proxy.Wire;

/// <summary>
/// The request headers a rule rewrote in place (`replace-header`, `replace-value`): haproxy 2.6 edits such a line where
/// it stands, where `set-header` deletes and appends. <see cref="WireOrder"/> keeps these at the client's position
/// although their values changed. Made only for a request a replace rule touched.
/// </summary>
internal sealed class InPlaceHeaderEdits
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Notes that <paramref name="name"/> was rewritten in place on this request.</summary>
    public static void Note(HttpContext context, string name)
    {
        var edits = context.Features.Get<InPlaceHeaderEdits>();
        if (edits is null)
        {
            edits = new InPlaceHeaderEdits();
            context.Features.Set(edits);
        }

        edits._names.Add(name);
    }

    /// <summary>True when <paramref name="name"/> (raw bytes) was rewritten in place.</summary>
    public bool Contains(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[Math.Min(name.Length, 256)];
        if (name.Length > chars.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            chars[i] = (char)name[i];
        }

        return _names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(chars);
    }
}
