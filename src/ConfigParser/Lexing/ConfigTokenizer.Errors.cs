using System.Text;

namespace ConfigParser.Lexing;

/// <summary>How HAProxy 2.6 words a line it cannot split (src/cfgparse.c readcfgfile, src/tools.c sanitize_for_printing).</summary>
internal static partial class ConfigTokenizer
{
    /// <summary>HAProxy echoes at most this many bytes of the faulty line.</summary>
    private const int EchoWidth = 80;

    // "unmatched quote at position 6:\n  mode "a b\n       ^": the position counts bytes from 1, leading blanks
    // included; the echoed line starts after them, with blanks shown as spaces and other unprintable bytes as '?'.
    // The echo stops at echoEnd, where parse_line may have left a NUL in its input.
    private static TokenizeResult Failure(string problem, string line, int index, int echoEnd)
    {
        var bytes = Encoding.UTF8.GetBytes(line[..echoEnd]);
        var errorByte = Encoding.UTF8.GetByteCount(line.AsSpan(0, Math.Min(index, line.Length)));
        var start = 0;
        while (start < bytes.Length && IsCSpace(bytes[start]))
        {
            start++;
        }

        var (echo, caret) = Sanitize(bytes.AsSpan(start), errorByte - start, EchoWidth);
        return TokenizeResult.Failure($"{problem} at position {errorByte + 1}:\n  {echo}\n  {new string(' ', caret)}^", index);
    }

    /// <summary>
    /// HAProxy's sanitize_for_printing(line, pos, width): when the error lies beyond the width, the window is centred
    /// on it and marked with "..." at both ends; otherwise the line is cut at the width without a mark. Blanks show
    /// as spaces, other unprintable bytes as '?'. Returns the echo and the caret's column in it.
    /// </summary>
    internal static (string Echo, int Caret) Sanitize(ReadOnlySpan<byte> line, int position, int width)
    {
        var echo = new StringBuilder();
        var shifted = position >= width;
        var shift = 0;
        var from = 0;
        var room = width;
        if (shifted)
        {
            shift = position - (width / 2);
            from = shift + 3;
            room = width - 6;
            echo.Append("...");
        }

        for (var i = from; i < line.Length && line[i] != 0 && room > 0; i++, room--)
        {
            var b = line[i];
            echo.Append(IsCSpace(b) ? ' ' : b is >= 0x20 and < 0x7f ? (char)b : '?');
        }

        if (shifted)
        {
            echo.Append("...");
        }

        return (echo.ToString(), position - shift);
    }

    // readcfgfile: "too many words, truncating after word 64, position 181: <64>." where the position counts
    // bytes in the NUL-separated copy of the words, so it is the length of the first 63 words plus separators.
    private static string TooManyWords(IReadOnlyList<string> words)
    {
        var position = 1 + words.Take(MaxWords - 1).Sum(w => Encoding.UTF8.GetByteCount(w) + 1);
        return $"too many words, truncating after word {MaxWords}, position {position}: <{CString(words[MaxWords - 1])}>.";
    }

    private static bool IsCSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';
}
