using System.Text;

namespace ConfigParser.Lexing;

/// <summary>
/// Splits the lines of one file into words, reproducing a quirk of haproxy 2.6 readcfgfile: the words go into a
/// buffer that starts empty for every file and grows in 1 KiB steps. When a line does not fit, parse_line is run a
/// second time, but the first run already wrote a NUL over the '}' of each "${NAME-default}", so the second run
/// sees the line cut there and refuses it ("unmatched brace in environment variable name"). Observed with
/// `haproxy -c`: any "${X-d}" on the first line of a file, and on a later line whose words need more than the
/// buffer (a byte per character plus a NUL per word; 1014 'b's after ".notice" fit in 1 KiB, 1015 did not).
/// </summary>
internal sealed class LineBuffer
{
    private const int Step = 1024;

    private int _capacity;

    /// <summary>Tokenizes <paramref name="line"/> as the reader's buffer lets HAProxy do it.</summary>
    public TokenizeResult Split(string line, Func<string, string?> environment, PseudoVariables pseudo)
    {
        var result = ConfigTokenizer.Tokenize(line, environment, pseudo);
        if (result.Error is not null)
        {
            // Observed: a refused first line (unmatched quote) leaves the buffer empty.
            return result;
        }

        // A blank or comment line still needs the final NUL.
        var needed = Math.Max(1, result.Words.Sum(word => Encoding.UTF8.GetByteCount(word) + 1) + (result.EndsWithEmptyWord ? 1 : 0));
        if (needed <= _capacity)
        {
            return result;
        }

        _capacity = (needed + Step - 1) / Step * Step;
        return result.FirstDefaultEnd >= 0
            ? ConfigTokenizer.Tokenize(line[..result.FirstDefaultEnd], environment, pseudo)
            : result;
    }
}
