using ConfigParser.Diagnostics;

namespace ConfigParser.Lexing;

/// <summary>
/// The directives the reader consumes itself: ".diag/.notice/.warning/.alert" (configuration.txt §2.4) and the
/// global section's environment keywords (§3.1 setenv, presetenv, unsetenv, resetenv). Messages are HAProxy
/// 2.6.12's, checked with `haproxy -c`.
/// </summary>
internal static partial class ConfigFileReader
{
    /// <summary>
    /// The global keywords the reader consumes. The section parser never sees them, but HAProxy offers them when it
    /// suggests a fix for an unknown global keyword ("'setenvv' … did you mean 'setenv' maybe ?").
    /// </summary>
    public static IReadOnlyList<string> EnvironmentKeywords { get; } = ["setenv", "presetenv", "unsetenv", "resetenv"];

    // ".notice 'msg'" prints "parsing [f:n]: 'msg'." at its level; a second word is refused (quote the message).
    private static DirectiveOutcome HandleMessageDirective(ConfigLine line, DiagnosticBag diagnostics)
    {
        var keyword = line.Keyword;
        if (keyword is not (".diag" or ".notice" or ".warning" or ".alert"))
        {
            // HAProxy stops reading the file here (later lines are not reported), but it is not an abort.
            diagnostics.Alert(line.Location, $"unknown directive '{keyword}'.", keyword, LocationPrefix.ParsingTight);
            return DirectiveOutcome.StopReading;
        }

        if (line[2].Length > 0)
        {
            diagnostics.Alert(line.Location, $"Unexpected argument '{line[2]}' for '{keyword}'. Use quotes if the message should contain spaces.",
                keyword, LocationPrefix.ParsingTight);
            return DirectiveOutcome.Continue;
        }

        var message = $"'{line[1]}'.";
        switch (keyword)
        {
            case ".notice":
                diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Notice, line.Location, message, keyword, LocationPrefix.ParsingTight));
                break;
            case ".warning":
                diagnostics.Warning(line.Location, message, keyword, LocationPrefix.ParsingTight);
                break;
            case ".alert":
                // Always fatal, and nothing after it is read, not even the next files.
                diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, message, keyword, LocationPrefix.ParsingTight,
                    Aborts: true));
                return DirectiveOutcome.Abort;
            default:
                // ".diag" prints only with -dD, which we do not have.
                break;
        }

        return DirectiveOutcome.Continue;
    }

    // In the global section these change the environment seen by the following lines (not by earlier ones). HAProxy
    // checks no extra words; "setenv A b c" sets A to "b". Elsewhere the section parser reports them as unknown.
    private static bool TryHandleEnvironment(ConfigLine line, EnvironmentOverlay environment, DiagnosticBag diagnostics)
    {
        var keyword = line.Keyword;
        switch (keyword)
        {
            case "setenv" or "presetenv":
                if (line[2].Length == 0)
                {
                    Fail($"'{keyword}' expects a name and a value.");
                }
                else if (IsValidName(line[1], keyword))
                {
                    environment.Set(line[1], line[2], overwrite: keyword == "setenv");
                }

                return true;
            case "unsetenv":
                if (line[1].Length == 0)
                {
                    Fail($"'{keyword}' expects at least one variable name.");
                }

                foreach (var name in Arguments(line).Where(name => IsValidName(name, keyword)))
                {
                    environment.Unset(name);
                }

                return true;
            case "resetenv":
                environment.ResetKeeping(Arguments(line));
                return true;
            default:
                return false;
        }

        // glibc's setenv and unsetenv refuse an empty name or one with '=' (EINVAL).
        bool IsValidName(string name, string kw)
        {
            if (name.Length > 0 && !name.Contains('='))
            {
                return true;
            }

            Fail($"'{kw}' failed on variable '{name}' : Invalid argument.");
            return false;
        }

        void Fail(string message) => diagnostics.Alert(line.Location, message, keyword, LocationPrefix.ParsingTight);
    }

    // The words after the keyword up to the first empty one, where HAProxy's argument loops stop.
    private static IEnumerable<string> Arguments(ConfigLine line) => line.Words.Skip(1).TakeWhile(word => word.Length > 0);
}
