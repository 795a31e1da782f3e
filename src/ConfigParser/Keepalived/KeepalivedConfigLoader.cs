using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Lexing;
using ConfigParser.Keepalived.Parsing;

namespace ConfigParser.Keepalived;

/// <summary>
/// Reads keepalived.conf as keepalived 2.2.7 does: includes, `@host` lines, `$NAME` definitions, the keyword tables,
/// value checks and the end-of-read checks, with keepalived's own wording. Never throws for user input.
/// </summary>
public static class KeepalivedConfigLoader
{
    /// <summary>Loads a file; includes are resolved from its directory.</summary>
    /// <param name="path">The file, named in messages as given.</param>
    /// <param name="hostName">The host `@host` lines and `$_INSTANCE` refer to (default: this machine's name).</param>
    /// <param name="environment">
    /// The process environment (default: none). keepalived 2.2.7 does not expand environment variables in the file
    /// (observed), so only PATH is read from it, to find script commands when <paramref name="host"/> is the default.
    /// </param>
    /// <param name="host">The machine facts keepalived consults (default: this machine).</param>
    public static KeepalivedParseResult LoadFile(string path, string? hostName = null, Func<string, string?>? environment = null, KeepalivedHostProbe? host = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Observed: keepalived 2.2.7 prints "Config files missing 'PATH'." and `-t` still exits 0 (an empty
            // configuration), so this is a notice that does not change the verdict.
            var bag = new DiagnosticBag();
            bag.Add(new ConfigDiagnostic(DiagnosticSeverity.Notice, null, $"Config files missing '{path}'.", "include"));
            return new KeepalivedParseResult(new Model.KeepalivedConfig { Location = new SourceLocation(path, 1) }, bag.Items);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Run(path, text, directory, hostName, environment, host);
    }

    /// <summary>Parses text; `include` lines are resolved from the current directory.</summary>
    /// <param name="name">The name messages give the text.</param>
    /// <param name="text">The configuration.</param>
    /// <param name="hostName">See <see cref="LoadFile"/>.</param>
    /// <param name="environment">See <see cref="LoadFile"/>.</param>
    /// <param name="host">See <see cref="LoadFile"/>; default <see cref="KeepalivedHostProbe.FileOnly"/> so text alone decides.</param>
    public static KeepalivedParseResult Parse(string name, string text, string? hostName = null, Func<string, string?>? environment = null, KeepalivedHostProbe? host = null)
        => Run(name, text, Directory.GetCurrentDirectory(), hostName, environment, host ?? KeepalivedHostProbe.FileOnly);

    private static KeepalivedParseResult Run(string name, string text, string directory, string? hostName, Func<string, string?>? environment, KeepalivedHostProbe? host)
    {
        var diagnostics = new DiagnosticBag();
        var probe = host ?? WithPath(environment);
        var lines = new KeepalivedPreprocessor(hostName ?? MachineName(), diagnostics).Run(name, text, directory);
        var tree = DirectiveTreeBuilder.Build(lines, diagnostics);
        ParentProcessPass.Run(lines, name, diagnostics);
        var context = new KeepalivedParseContext(diagnostics, probe);
        var config = KeepalivedModelBuilder.Build(context, new SourceLocation(name, 1), tree);
        return new KeepalivedParseResult(config, diagnostics.Items);
    }

    private static KeepalivedHostProbe WithPath(Func<string, string?>? environment)
    {
        if (environment?.Invoke("PATH") is not { } path)
        {
            return KeepalivedHostProbe.System;
        }

        var dirs = path.Split(':', StringSplitOptions.RemoveEmptyEntries);
        var system = KeepalivedHostProbe.System;
        return system with
        {
            CommandExists = c => c.Contains('/') ? system.CommandExists(c) : dirs.Any(d => system.CommandExists(Path.Combine(d, c))),
        };
    }

    private static string MachineName()
    {
        try
        {
            return Environment.MachineName;
        }
        catch (InvalidOperationException)
        {
            return "localhost";
        }
    }
}
