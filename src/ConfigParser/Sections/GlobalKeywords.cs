using System.Globalization;

namespace ConfigParser.Sections;

/// <summary>The keyword table of the `global` section.</summary>
internal static class GlobalKeywords
{
    public static KeywordTable<KeywordContext<GlobalBuilder>> Table { get; } = new KeywordTable<KeywordContext<GlobalBuilder>>()
        .Add("maxconn", MaxConn)
        .Add("pidfile", PidFile)
        .Add("daemon", c => c.Section.Daemon = true);

    private static void MaxConn(KeywordContext<GlobalBuilder> c)
    {
        if (c.Line[1].Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'maxconn' expects an integer argument.", "maxconn");
            return;
        }

        // HAProxy reads it with atol(): trailing garbage is ignored, "x" is 0 (no limit given).
        var digits = new string([.. c.Line[1].TakeWhile(char.IsAsciiDigit)]);
        c.Section.MaxConn = digits.Length == 0 ? null : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static void PidFile(KeywordContext<GlobalBuilder> c)
    {
        if (c.Line[1].Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'pidfile' expects a file name as an argument.", "pidfile");
            return;
        }

        c.Section.PidFile = c.Line[1];
    }
}
