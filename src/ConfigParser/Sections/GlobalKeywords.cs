using ConfigParser.Diagnostics;
using ConfigParser.Directives;

namespace ConfigParser.Sections;

/// <summary>The keyword table of the `global` section (haproxy 2.6 src/cfgparse-global.c cfg_parse_global).</summary>
internal static partial class GlobalKeywords
{
    /// <summary>Section keywords HAProxy also offers when it suggests a fix for an unknown global keyword.</summary>
    public static IReadOnlyList<string> ExtraSuggestions { get; } = ["global", "defaults", "listen", "frontend", "backend"];

    // Built on first use: the catalog lives in another part of this partial class, whose static fields must exist first.
    private static readonly Lazy<KeywordTable<KeywordContext<GlobalBuilder>>> LazyTable = new(() => WithCatalog(
        new KeywordTable<KeywordContext<GlobalBuilder>>()
            .Add("maxconn", MaxConn)
            .Add("pidfile", PidFile)
            .Add("daemon", Daemon)
            .Add("nbthread", NbThread)
            .Add("master-worker", MasterWorker)
            .Add("log", Log)));

    public static KeywordTable<KeywordContext<GlobalBuilder>> Table => LazyTable.Value;

    /// <summary>Debian's haproxy 2.6 is built with MAX_THREADS=64 (`haproxy -vv`).</summary>
    private const int MaxThreads = 64;

    private static void MaxConn(KeywordContext<GlobalBuilder> c)
    {
        if (c.TooManyArguments(1) || AlreadySpecified(c, c.Section.MaxConn is not null))
        {
            return;
        }

        if (c.Line[1].Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'maxconn' expects an integer argument.", "maxconn");
            return;
        }

        // HAProxy reads it with atol() into an int: trailing garbage is ignored, "x" is 0, which means unset.
        var value = CStyleInteger.Atoi(c.Line[1]);
        c.Section.MaxConn = value == 0 ? null : value;
    }

    private static void PidFile(KeywordContext<GlobalBuilder> c)
    {
        if (c.TooManyArguments(1) || AlreadySpecified(c, c.Section.PidFile is not null))
        {
            return;
        }

        if (c.Line[1].Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'pidfile' expects a file name as an argument.", "pidfile");
            return;
        }

        c.Section.PidFile = c.Line[1];
    }

    private static void Daemon(KeywordContext<GlobalBuilder> c)
    {
        if (!c.TooManyArguments(0))
        {
            c.Section.Daemon = true;
        }
    }

    // haproxy 2.6 parses the whole word as an integer and checks it against the build's thread limit. We keep the
    // value for the model; the process itself sizes .NET's thread pool to the CPUs it may run on, hence the warning.
    private static void NbThread(KeywordContext<GlobalBuilder> c)
    {
        if (c.TooManyArguments(1))
        {
            return;
        }

        if (!int.TryParse(c.Line[1], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var threads))
        {
            c.Diagnostics.Alert(c.At, $"'nbthread' passed a missing or unparsable integer value in '{c.Line[1]}'", "nbthread");
            return;
        }

        if (threads is < 1 or > MaxThreads)
        {
            c.Diagnostics.Alert(c.At, $"'nbthread' value must be between 1 and {MaxThreads} (was {threads})", "nbthread");
            return;
        }

        c.Section.NbThread = threads;
        c.Diagnostics.Warning(c.At, "'nbthread' is accepted but not applied: proxy sizes its thread pool to the CPUs it may run on.", "nbthread");
    }

    // The first value wins; a repeat is an alert that does not make the file invalid (ERR_ALERT without ERR_FATAL).
    private static bool AlreadySpecified(KeywordContext<GlobalBuilder> c, bool alreadySet)
    {
        if (alreadySet)
        {
            c.Diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, c.At,
                $"'{c.Line.Keyword}' already specified. Continuing.", c.Line.Keyword, Fatal: false));
        }

        return alreadySet;
    }
}
