using Microsoft.Extensions.Primitives;

namespace Proxy.Http.Conditions;

/// <summary>
/// The values of one header as `hdr` sees them: each line split on commas, blanks around each value trimmed
/// (haproxy 2.6 configuration.txt §7.3.6 `req.hdr`); `req.fhdr` keeps every line whole.
/// </summary>
internal ref struct HeaderValues(StringValues lines, bool splitCommas)
{
    private int _line = -1;
    private ReadOnlySpan<char> _rest;
    private bool _inLine;

    public ReadOnlySpan<char> Current { get; private set; }

    public bool MoveNext()
    {
        while (true)
        {
            if (!_inLine)
            {
                if (++_line >= lines.Count)
                {
                    return false;
                }

                _rest = lines[_line];
                _inLine = true;
                if (!splitCommas)
                {
                    _inLine = false;
                    Current = _rest.Trim(" \t");
                    return true;
                }
            }

            var comma = _rest.IndexOf(',');
            if (comma < 0)
            {
                Current = _rest.Trim(" \t");
                _inLine = false;
            }
            else
            {
                Current = _rest[..comma].Trim(" \t");
                _rest = _rest[(comma + 1)..];
            }

            return true;
        }
    }

    /// <summary>How many values there are.</summary>
    public static int Count(StringValues lines, bool splitCommas)
    {
        var values = new HeaderValues(lines, splitCommas);
        var count = 0;
        while (values.MoveNext())
        {
            count++;
        }

        return count;
    }
}
