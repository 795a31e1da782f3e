using System.Globalization;

namespace Proxy.Http.LogFormat;

/// <summary>
/// `field(INDEX,DELIMITERS[,COUNT])`: the INDEXth field (1-based; negative counts from the end) split on any of the
/// delimiter characters, COUNT fields long (towards the end, or the start for a negative index; 0 means all the rest),
/// as written in the sample; nothing when the field does not exist (haproxy 2.6 §7.3.1).
/// </summary>
internal sealed class FieldConverter(int index, string delimiters, int count) : ISampleConverter
{
    /// <summary>The converter, or null when the arguments are not HAProxy's.</summary>
    public static FieldConverter? Create(IReadOnlyList<string> args)
    {
        var count = 1;
        return args.Count is 2 or 3 && args[1].Length > 0
            && int.TryParse(args[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) && index != 0
            && (args.Count == 2 || (int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out count)))
            ? new FieldConverter(index, args[1], count)
            : null;
    }

    public string? Convert(string value)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < value.Length; i++)
        {
            if (delimiters.Contains(value[i], StringComparison.Ordinal))
            {
                starts.Add(i + 1);
            }
        }

        var fields = starts.Count;
        int first, last;
        if (index > 0)
        {
            first = index;
            last = count == 0 ? fields : Math.Min(fields, index + count - 1);
        }
        else
        {
            last = fields + index + 1;
            first = count == 0 ? 1 : Math.Max(1, last - count + 1);
        }

        if (first > fields || last < 1)
        {
            return "";
        }

        var end = last < fields ? starts[last] - 1 : value.Length;
        return value[starts[first - 1]..end];
    }
}
