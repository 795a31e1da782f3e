using System.Globalization;
using System.Text;
using Proxy.Runtime;

namespace Proxy.Health;

/// <summary>
/// haproxy 2.6's state-change sentences (src/server.c srv_append_status and friends), word for word: the operator's
/// alerting greps for them.
/// </summary>
internal static class HealthMessages
{
    /// <summary>"[Backup ]Server be/s is DOWN|UP|stopping, reason: …, check duration: Nms. A active and B backup servers left|online. …".</summary>
    /// <remarks>With `option log-health-checks` each check already logged its details, so haproxy 2.6 leaves out the reason.</remarks>
    public static string StateChange(BackendState backend, ServerState server, ServerHealthPhase phase, CheckResult result)
    {
        var withReason = !backend.Definition.LogHealthChecks;
        var text = new StringBuilder();
        text.Append(server.Definition.Backup ? "Backup Server " : "Server ")
            .Append(backend.Name).Append('/').Append(server.Name)
            .Append(phase switch { ServerHealthPhase.Down => " is DOWN", ServerHealthPhase.Up => " is UP", _ => " is stopping" });
        if (withReason)
        {
            AppendReason(text, result);
        }

        text.Append('.');
        AppendCounts(text, backend, server, phase == ServerHealthPhase.Down);
        return text.ToString();
    }

    /// <summary>
    /// " A active and B backup servers left|online.[ Running on backup.] …": what is left to take traffic, then the
    /// sessions ("N sessions active, 0 requeued, 0 remaining in queue." for a server going out of service).
    /// </summary>
    public static void AppendCounts(StringBuilder text, BackendState backend, ServerState server, bool down)
    {
        var (active, backup) = Usable(backend);
        text.Append(' ').Append(active).Append(" active and ").Append(backup).Append(" backup servers ")
            .Append(down ? "left." : "online.");
        if (active == 0 && backup > 0)
        {
            text.Append(" Running on backup.");
        }

        // Requeueing and queues belong to the forwarding work; nothing is requeued here.
        text.Append(down
            ? $" {server.InFlight.ToString(CultureInfo.InvariantCulture)} sessions active, 0 requeued, 0 remaining in queue."
            : " 0 sessions requeued, 0 total in queue.");
    }

    /// <summary>
    /// `option log-health-checks`: "Health check for [backup ]server be/s1 succeeded|failed, reason: …, status: 2/3 UP."
    /// (haproxy 2.6 src/check.c): x/y is the failures still tolerated / fall while UP, the successes so far / rise while DOWN.
    /// </summary>
    public static string CheckLine(BackendState backend, ServerState server, CheckResult result, HealthCounter counter)
    {
        var text = new StringBuilder("Health check for ");
        text.Append(server.Definition.Backup ? "backup server " : "server ").Append(backend.Name).Append('/').Append(server.Name)
            .Append(result.Status == CheckStatus.L7OkC ? " conditionally succeeded" : result.Passed ? " succeeded" : " failed");
        AppendReason(text, result);
        text.Append(", status: ").Append(counter.IsUp
            ? $"{counter.Health - counter.Rise + 1}/{counter.Fall} UP."
            : $"{counter.Health}/{counter.Rise} DOWN.");
        return text.ToString();
    }

    /// <summary>
    /// "backend 'be' has no server available!" ("proxy" for a listen section), haproxy 2.6 src/backend.c; the syslog
    /// copy (<paramref name="quoted"/> false) names the backend without quotes, as 2.6.12 sends it at emerg.
    /// </summary>
    public static string NoServerAvailable(BackendState backend, bool quoted = true)
        => $"{(backend.Definition.IsListen ? "proxy" : "backend")} {(quoted ? $"'{backend.Name}'" : backend.Name)} has no server available!";

    /// <summary>Servers that count as usable in the sentences: usable now, with a weight above 0 (haproxy srv_is_usable).</summary>
    public static (int Active, int Backup) Usable(BackendState backend)
    {
        int active = 0, backup = 0;
        foreach (var s in backend.Servers)
        {
            if (s.IsUsable && s.Weight > 0)
            {
                _ = s.Definition.Backup ? backup++ : active++;
            }
        }

        return (active, backup);
    }

    private static void AppendReason(StringBuilder text, CheckResult result)
    {
        text.Append(", reason: ").Append(CheckStatuses.Describe(result.Status));
        if (result.Code is { } code)
        {
            text.Append(", code: ").Append(code.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(result.Info))
        {
            text.Append(", info: \"").Append(Escape(result.Info)).Append('"');
        }

        if (result.Status == CheckStatus.Hana)
        {
            // haproxy 2.6.12: a passive-health verdict is not a check run, so it has no duration.
            return;
        }

        text.Append(", check duration: ").Append(((long)result.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append("ms");
    }

    // Non-printable characters are escaped so one check stays one log line.
    private static string Escape(string info)
    {
        var text = new StringBuilder(info.Length);
        foreach (var c in info)
        {
            _ = c is < ' ' or '"' or '\\' or (char)127
                ? text.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\r' => "\\r", '\n' => "\\n", '\t' => "\\t", _ => $"\\x{(int)c:x2}" })
                : text.Append(c);
        }

        return text.ToString();
    }
}
