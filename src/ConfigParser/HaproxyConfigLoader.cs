using ConfigParser.Diagnostics;
using ConfigParser.Resolution;
using ConfigParser.Sections;

namespace ConfigParser;

/// <summary>
/// Entry point: haproxy.cfg files (or their text) → <see cref="ParseResult"/>. Never throws for user input;
/// every problem is a diagnostic worded as HAProxy 2.6 words it.
/// </summary>
public static class HaproxyConfigLoader
{
    /// <summary>Loads the files and directories given with -f, in command-line order.</summary>
    /// <param name="paths">Files, or directories whose non-hidden *.cfg files are read in byte order.</param>
    /// <param name="environment">Environment lookup for "$VAR" (null: the process environment).</param>
    /// <param name="resolvesHost">Says whether a host name resolves (null: the system resolver).</param>
    public static ParseResult LoadFiles(IReadOnlyList<string> paths, Func<string, string?>? environment = null, Func<string, bool>? resolvesHost = null)
    {
        var sources = new List<ConfigSource>();
        foreach (var path in paths)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    // haproxy 2.6 management.txt §3 (-f): a directory adds its non-hidden *.cfg files in lexical order,
                    // each named "<dir>/<file>" exactly as written ("conf.d//a.cfg" when the directory ends in '/').
                    sources.AddRange(Directory.GetFiles(path, "*.cfg")
                        .Select(Path.GetFileName)
                        .Where(name => !name!.StartsWith('.'))
                        .Order(StringComparer.Ordinal)
                        .Select(name => $"{path}/{name}")
                        .Select(f => new ConfigSource(f, File.ReadAllText(f))));
                }
                else
                {
                    sources.Add(new ConfigSource(path, File.ReadAllText(path)));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e is FileNotFoundException or DirectoryNotFoundException ? "No such file or directory"
                    : e is UnauthorizedAccessException ? "Permission denied" : e.Message;
                var diagnostics = new DiagnosticBag();
                diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, null,
                    $"Cannot open configuration file/directory {path} : {reason}", Aborts: true));
                return new ParseResult(null, diagnostics.Items);
            }
        }

        return Parse(sources, environment, resolvesHost);
    }

    /// <summary>Parses configuration texts in order, as if each were a file given with -f.</summary>
    /// <param name="sources">The texts, in -f order.</param>
    /// <param name="environment">Environment lookup for "$VAR" (null: the process environment).</param>
    /// <param name="resolvesHost">Says whether a host name resolves, for server and log addresses (null: the system resolver).</param>
    public static ParseResult Parse(IReadOnlyList<ConfigSource> sources, Func<string, string?>? environment = null, Func<string, bool>? resolvesHost = null)
    {
        var diagnostics = new DiagnosticBag();
        resolvesHost ??= HostNameResolver.Resolves;
        var parser = new HaproxyConfigParser(environment ?? Environment.GetEnvironmentVariable, diagnostics, resolvesHost);
        foreach (var source in sources)
        {
            var fatalBefore = diagnostics.FatalCount;
            parser.ParseFile(source.Name, source.Text);
            if (diagnostics.FatalCount > fatalBefore)
            {
                diagnostics.Alert(null, $"Error(s) found in configuration file : {source.Name}");
            }

            if (diagnostics.HasAbort)
            {
                // haproxy 2.6 stops at once after an aborting error: no later file, no post-parse checks.
                return new ParseResult(null, diagnostics.Items);
            }
        }

        var config = parser.Build();
        if (!diagnostics.HasAlerts)
        {
            // haproxy 2.6 resolves sample arguments (userlists) before its other checks.
            UserlistReferences.Check(config, diagnostics);
            ConfigValidator.Validate(parser.Proxies, diagnostics, config.Global);
            ConfigValidator.CheckErrorFiles(parser.Proxies, parser.HttpErrorsSections, diagnostics);
            if (parser.HasProgramSection && !parser.MasterWorker)
            {
                diagnostics.Alert(null, "Can't use a 'program' section without master worker mode.");
            }
        }

        if (diagnostics.HasAlerts)
        {
            diagnostics.Alert(null, "Fatal errors found in configuration.");
            return new ParseResult(null, diagnostics.Items);
        }

        if (!ConfigValidator.ResolveServers(parser.Proxies, diagnostics, resolvesHost))
        {
            // haproxy 2.6 ends with this line instead of "Fatal errors found in configuration.".
            diagnostics.Alert(null, "Failed to initialize server(s) addr.");
            return new ParseResult(null, diagnostics.Items);
        }

        return new ParseResult(config, diagnostics.Items);
    }
}
