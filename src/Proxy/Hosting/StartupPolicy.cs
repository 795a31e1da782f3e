using System.Collections.Frozen;
using ConfigParser.Diagnostics;
using ConfigParser.Model;

namespace Proxy.Hosting;

/// <summary>
/// `-c` accepts what HAProxy accepts and lists what is not implemented as warnings. A start is stricter: a rule
/// that would allow, deny, rewrite or route requests must not be silently skipped, so such warnings stop the start
/// with an alert.
/// </summary>
internal static class StartupPolicy
{
    /// <summary>Keywords whose "not implemented" warning means the traffic would be handled differently.</summary>
    private static readonly FrozenSet<string> RuleKeywords = new[]
    {
        "http-request", "http-response", "http-after-response", "tcp-request", "tcp-response", "redirect",
        "use-server", "force-persist", "ignore-persist", "use-fcgi-app",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The alerts that stop a start, one per directive, in file order.</summary>
    public static IReadOnlyList<ConfigDiagnostic> Blocking(HaproxyConfig config, IReadOnlyList<ConfigDiagnostic> diagnostics)
    {
        var alerts = new List<ConfigDiagnostic>();
        foreach (var d in diagnostics)
        {
            if (d is { Unimplemented: { } directive, Keyword: { } keyword } && RuleKeywords.Contains(keyword))
            {
                alerts.Add(Refuse(d.Location, $"'{directive}'", keyword));
            }
        }

        return alerts;
    }

    private static ConfigDiagnostic Refuse(SourceLocation? at, string directive, string keyword)
        => new(DiagnosticSeverity.Alert, at,
            $"{directive} is not run by this proxy yet, and skipping it would change how requests are handled; refusing to start.", keyword);
}
