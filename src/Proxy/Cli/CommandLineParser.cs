namespace Proxy.Cli;

/// <summary>Parses HAProxy-style flags; a bad command line is a value (usage error), never an exception.</summary>
internal static class CommandLineParser
{
    public const string Usage =
        """
        Usage : proxy [-f <cfgfile|cfgdir>]* [-k <keepalived.conf>] [ -c [--json] ] [ -q ] [ -d ] [ -p <pidfile> ] [ -v | -vv ]
                -v displays version ; -vv shows known build options.
                -d enters debug mode (stays in foreground, logs more).
                -f <cfgfile|cfgdir> adds <cfgfile> to the list of configuration files to be loaded.
                -k <keepalived.conf> loads VRRP instances from a keepalived configuration.
                -c check mode : only check config files and exit ; --json prints diagnostics as JSON.
                -q quiet mode : don't display messages
                -p writes pids of all children to this file
                -- <cfgfile>* all following arguments are configuration files
        """;

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CommandLineOptions options, out string? error)
    {
        options = new CommandLineOptions();
        error = null;
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--":
                    files.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                case "-f" or "-k" or "-p":
                    if (i + 1 >= args.Count)
                    {
                        error = $"option '{arg}' requires an argument.";
                        return false;
                    }

                    var value = args[++i];
                    if (arg == "-f")
                    {
                        files.Add(value);
                    }
                    else if (arg == "-k")
                    {
                        options = options with { KeepalivedFile = value };
                    }
                    else
                    {
                        options = options with { PidFile = value };
                    }

                    break;
                case "-c":
                    options = options with { CheckOnly = true };
                    break;
                case "--json":
                    options = options with { Json = true };
                    break;
                case "-q":
                    options = options with { Quiet = true };
                    break;
                case "-d" or "-db":
                    options = options with { Debug = true };
                    break;
                case "-v" or "-V":
                    options = options with { VersionLevel = Math.Max(options.VersionLevel, 1) };
                    break;
                case "-vv":
                    options = options with { VersionLevel = 2 };
                    break;
                default:
                    error = $"unknown option '{arg}'.";
                    return false;
            }
        }

        options = options with { ConfigFiles = files };
        if (options.VersionLevel > 0)
        {
            return true;
        }

        if (files.Count == 0 && options.KeepalivedFile is null)
        {
            error = "no configuration file given (-f or -k).";
            return false;
        }

        if (options.Json && !options.CheckOnly)
        {
            error = "'--json' only goes with '-c'.";
            return false;
        }

        return true;
    }
}
