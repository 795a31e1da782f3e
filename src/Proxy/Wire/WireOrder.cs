using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Proxy.Wire;

/// <summary>Receives one header line in output order.</summary>
internal delegate void HeaderLineWriter<TState>(TState state, string name, string value);

/// <summary>
/// Lists a request's headers in the order haproxy 2.6 forwards them: the lines the client wrote, in the client's order,
/// as long as a line still holds the value it arrived with; then every value the rules changed or added, in Kestrel's
/// order (haproxy deletes and appends on `set-header`/`add-header`, so changed headers move to the end there too).
/// Without a recorded head (HTTP/2, or a head that was not kept) it is Kestrel's order throughout.
/// </summary>
internal static class WireOrder
{
    private const int StackLimit = 64;

    /// <summary>Calls <paramref name="write"/> once per header line (per value of a repeated header).</summary>
    /// <param name="rawHead">The request head as the client wrote it (<see cref="RequestHeadRecorder.TakeHead"/>), or empty.</param>
    /// <param name="method">The request's method, to check that the head is this request's.</param>
    /// <param name="headers">The request's headers after the rules.</param>
    /// <param name="inPlace">Headers rewritten in place by `replace-header`/`replace-value`: they keep their position.</param>
    /// <param name="state">Passed to <paramref name="write"/>.</param>
    /// <param name="write">Receives each line.</param>
    public static void ForEach<TState>(ReadOnlySpan<byte> rawHead, string method, IHeaderDictionary headers, InPlaceHeaderEdits? inPlace, TState state,
        HeaderLineWriter<TState> write)
    {
        var count = headers.Count;
        var entries = ArrayPool<KeyValuePair<string, StringValues>>.Shared.Rent(Math.Max(count, 1));
        int[]? rentedNext = null;
        var next = count <= StackLimit ? stackalloc int[StackLimit] : (rentedNext = ArrayPool<int>.Shared.Rent(count));
        try
        {
            var n = 0;
            foreach (var header in headers)
            {
                if (n == entries.Length)
                {
                    break;
                }

                entries[n] = header;
                next[n++] = 0;
            }

            var lines = new RequestHeadLines(rawHead, method);
            while (lines.MoveNext())
            {
                for (var i = 0; i < n; i++)
                {
                    if (!EqualsIgnoreCase(entries[i].Key, lines.Current))
                    {
                        continue;
                    }

                    var values = entries[i].Value;
                    if (next[i] < values.Count && IsConnection(lines.Current))
                    {
                        // Kestrel keeps only the close/keep-alive/upgrade token of Connection; haproxy forwards the
                        // client's other tokens, so the line goes out as written (the writer drops the hop tokens).
                        write(state, entries[i].Key, System.Text.Encoding.Latin1.GetString(lines.Value));
                        next[i] = values.Count;
                        break;
                    }

                    // The line's next value, unchanged by the rules, goes out where the client put it.
                    if (next[i] < values.Count && values[next[i]] is { } value
                        && (SameBytes(value, lines.Value) || (inPlace is not null && inPlace.Contains(lines.Current))))
                    {
                        write(state, entries[i].Key, value);
                        next[i]++;
                    }

                    break;
                }
            }

            for (var i = 0; i < n; i++)
            {
                var values = entries[i].Value;
                for (var v = next[i]; v < values.Count; v++)
                {
                    write(state, entries[i].Key, values[v] ?? "");
                }
            }
        }
        finally
        {
            Array.Clear(entries, 0, Math.Min(count, entries.Length));
            ArrayPool<KeyValuePair<string, StringValues>>.Shared.Return(entries);
            if (rentedNext is not null)
            {
                ArrayPool<int>.Shared.Return(rentedNext);
            }
        }
    }

    private static bool IsConnection(ReadOnlySpan<byte> name) => EqualsIgnoreCase("connection", name);

    private static bool EqualsIgnoreCase(string name, ReadOnlySpan<byte> raw)
    {
        if (name.Length != raw.Length)
        {
            return false;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            if (char.ToLowerInvariant(name[i]) != char.ToLowerInvariant((char)raw[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameBytes(string value, ReadOnlySpan<byte> raw)
    {
        if (value.Length != raw.Length)
        {
            return false;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            if (value[i] != (char)raw[i])
            {
                return false;
            }
        }

        return true;
    }
}
