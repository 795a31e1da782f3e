using ConfigParser.Directives;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>`timeout &lt;name&gt; &lt;value&gt;`, as haproxy 2.6 src/proxy.c proxy_parse_timeout reads it.</summary>
internal static partial class ProxyKeywords
{
    /// <summary>The `timeout` names HAProxy 2.6 accepts, in the order its error message lists them.</summary>
    private static readonly string[] TimeoutNames =
        ["client", "server", "connect", "check", "queue", "http-keep-alive", "http-request", "tunnel", "tarpit", "client-fin", "server-fin"];

    /// <summary>Timeout names removed in HAProxy 2.1, and the ones that replaced them.</summary>
    private static readonly Dictionary<string, string> RemovedTimeouts = new(StringComparer.Ordinal)
    {
        ["clitimeout"] = "client",
        ["srvtimeout"] = "server",
        ["contimeout"] = "connect",
    };

    private static void Timeout(KeywordContext<ProxyBuilder> c)
    {
        var name = c.Line[1];
        if (RemovedTimeouts.TryGetValue(name, out var replacement))
        {
            c.Diagnostics.Alert(c.At, $"the '{name}' directive is not supported anymore since HAProxy 2.1. Use 'timeout {replacement}'.", "timeout");
            return;
        }

        if (!TimeoutNames.Contains(name))
        {
            var supported = string.Join(", ", TimeoutNames[..^1].Select(n => $"'{n}'")) + $" and '{TimeoutNames[^1]}'";
            c.Diagnostics.Alert(c.At, $"'timeout' supports {supported} (got '{name}')", "timeout");
            return;
        }

        var text = c.Line[2];
        if (text.Length == 0)
        {
            c.Diagnostics.Alert(c.At, $"'timeout {name}' expects an integer value (in milliseconds)", "timeout");
            return;
        }

        if (!TryParseTimeValue(c, name, text, out var value))
        {
            return;
        }

        // The value is checked before the side, and kept even when that side is missing (HAProxy stores it too).
        var side = name is "client" or "client-fin" ? "frontend" : name is "http-request" or "http-keep-alive" or "tarpit" ? null : "backend";
        var hasSide = side switch { "frontend" => c.Section.HasFrontendCapability, "backend" => c.Section.HasBackendCapability, _ => true };
        string? warning = null;
        if (!hasSide)
        {
            warning = $"'timeout {name}' will be ignored because {c.Section.Description} has no {side} capability";
        }
        else if (c.Section.DefaultsTimeouts is { } inherited && Get(c.Section.Timeouts, name) != Get(inherited, name))
        {
            warning = $"overwriting 'timeout {name}' which was already specified";
        }

        if (c.Line[3].Length > 0)
        {
            c.Diagnostics.Alert(c.At, $"'timeout {name}' : unexpected extra argument '{c.Line[3]}' after value '{text}'.", "timeout");
            return;
        }

        if (warning is not null)
        {
            c.Diagnostics.Warning(c.At, warning, "timeout");
        }

        // 0 means "no timeout", exactly as when none is set.
        TimeSpan? stored = value == TimeSpan.Zero ? null : value;
        c.Section.Timeouts = name switch
        {
            "client" => c.Section.Timeouts with { Client = stored },
            "server" => c.Section.Timeouts with { Server = stored },
            "connect" => c.Section.Timeouts with { Connect = stored },
            _ => Other(c.Section.Timeouts, name, stored),
        };
        // Applied by the runtime: client, server, connect, queue, http-request, http-keep-alive, check.
        if (name is not ("client" or "server" or "connect" or "queue" or "http-request" or "http-keep-alive" or "check") && warning is null)
        {
            _ = NotImplemented(c, $"timeout {name}", 0);
        }
    }

    private static bool TryParseTimeValue(KeywordContext<ProxyBuilder> c, string name, string text, out TimeSpan value)
    {
        var failure = TimeValueParser.Parse(text, out value, out var character, out var trailingIgnored);
        if (trailingIgnored)
        {
            // haproxy 2.6 parse_time_err warns without a location and accepts the value.
            c.Diagnostics.Warning(null,
                $"unexpected character '{character}' after the timer value '{text}', only (us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported. This will be reported as an error in next versions.",
                "timeout");
        }

        var error = failure switch
        {
            TimeValueParser.Failure.Overflow => $"timer overflow in argument '{text}' to 'timeout {name}' (maximum value is 2147483647 ms or ~24.8 days)",
            TimeValueParser.Failure.Underflow => $"timer underflow in argument '{text}' to 'timeout {name}' (minimum non-null value is 1 ms)",
            TimeValueParser.Failure.UnexpectedCharacter => $"unexpected character '{character}' in 'timeout {name}'",
            _ => null,
        };
        if (error is not null)
        {
            c.Diagnostics.Alert(c.At, error, "timeout");
        }

        return error is null;
    }

    private static TimeSpan? Get(ProxyTimeouts timeouts, string name) => name switch
    {
        "client" => timeouts.Client,
        "server" => timeouts.Server,
        "connect" => timeouts.Connect,
        "check" => timeouts.Check,
        "queue" => timeouts.Queue,
        "http-keep-alive" => timeouts.HttpKeepAlive,
        "http-request" => timeouts.HttpRequest,
        "tunnel" => timeouts.Tunnel,
        "tarpit" => timeouts.Tarpit,
        "client-fin" => timeouts.ClientFin,
        _ => timeouts.ServerFin,
    };

    // The other timeouts, kept typed in the model.
    private static ProxyTimeouts Other(ProxyTimeouts timeouts, string name, TimeSpan? value) => name switch
    {
        "check" => timeouts with { Check = value },
        "queue" => timeouts with { Queue = value },
        "http-keep-alive" => timeouts with { HttpKeepAlive = value },
        "http-request" => timeouts with { HttpRequest = value },
        "tunnel" => timeouts with { Tunnel = value },
        "tarpit" => timeouts with { Tarpit = value },
        "client-fin" => timeouts with { ClientFin = value },
        _ => timeouts with { ServerFin = value },
    };

    private static T NotImplemented<T>(KeywordContext<ProxyBuilder> c, string what, T unchanged)
    {
        UnimplementedKeyword.Warn(c.At, what, c.Line.Keyword, c.Diagnostics);
        return unchanged;
    }
}
