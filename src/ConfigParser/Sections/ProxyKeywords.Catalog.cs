using ConfigParser.Diagnostics;

namespace ConfigParser.Sections;

/// <summary>
/// Every other keyword HAProxy 2.6 accepts in a proxy section (src/cfgparse-listen.c common_kw_list plus the
/// keywords registered for "listen" in `haproxy -dKcfg`), and the removed ones it rejects with a dedicated message.
/// Keywords without a typed handler are accepted with a "not implemented" warning.
/// </summary>
internal static partial class ProxyKeywords
{
    /// <summary>Keywords 2.6 accepts in defaults/frontend/backend/listen that this proxy does not run yet.</summary>
    private static readonly string[] AcceptedKeywords =
    [
        "server-template", "monitor-uri", "id", "description", "disabled", "enabled", "dynamic-cookie-key", "cookie",
        "email-alert", "persist", "load-server-state-from-file", "server-state-file-name", "max-session-srv-conns",
        "http-response", "http-after-response", "http-send-name-header", "redirect",
        "use-server", "force-persist", "ignore-persist", "stick-table", "stick", "http-reuse", "monitor",
        "transparent", "backlog", "fullconn", "dispatch", "unique-id-format",
        "unique-id-header", "log-format", "log-format-sd", "log-tag", "source", "usesrc", "error-log-format",
        "clitcpka-cnt", "clitcpka-idle", "clitcpka-intvl", "compression", "declare",
        "external-check", "filter", "http-check", "http-error", "max-keep-alive-queue",
        "rate-limit", "srvtcpka-cnt", "srvtcpka-idle", "srvtcpka-intvl", "tcp-check", "tcp-response",
        "use-fcgi-app", "bind-process",
    ];

    /// <summary>How many arguments some accepted keywords take before haproxy 2.6 says "cannot handle unexpected argument".</summary>
    private static readonly Dictionary<string, int> ArgumentLimits = new(StringComparer.Ordinal)
    {
        ["monitor-uri"] = 1, ["id"] = 1, ["disabled"] = 0, ["enabled"] = 0, ["server-state-file-name"] = 1, ["retries"] = 1,
        ["transparent"] = 0, ["maxconn"] = 1, ["backlog"] = 1, ["fullconn"] = 1,
    };

    /// <summary>Keywords removed before 2.6, with the alert 2.6 prints for them (after "parsing [file:line] : ").</summary>
    private static readonly Dictionary<string, string> RemovedKeywords = new(StringComparer.Ordinal)
    {
        ["block"] = "The 'block' directive is not supported anymore since HAProxy 2.1. Use 'http-request deny' which uses the exact same syntax.",
        ["appsession"] = "'appsession' is not supported anymore since HAProxy 1.6.",
        ["clitimeout"] = "the 'clitimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout client'.",
        ["srvtimeout"] = "the 'srvtimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout server'.",
        ["contimeout"] = "the 'contimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout connect'.",
        ["redisp"] = "keyword 'redisp' directive is not supported anymore since HAProxy 2.1. Use 'option redispatch'.",
        ["redispatch"] = "keyword 'redispatch' directive is not supported anymore since HAProxy 2.1. Use 'option redispatch'.",
        ["reqrep"] = "The 'reqrep' directive is not supported anymore since HAProxy 2.1. Use 'http-request replace-path', 'http-request replace-uri' or 'http-request replace-header' instead.",
        ["reqirep"] = "The 'reqirep' directive is not supported anymore since HAProxy 2.1. Use 'http-request replace-header' instead.",
        ["reqdel"] = "The 'reqdel' directive is not supported anymore since HAProxy 2.1. Use 'http-request del-header' instead.",
        ["reqidel"] = "The 'reqidel' directive is not supported anymore since HAProxy 2.1. Use 'http-request del-header' instead.",
        ["reqdeny"] = "The 'reqdeny' not supported anymore since HAProxy 2.1. Use 'http-request deny' instead.",
        ["reqideny"] = "The 'reqideny' directive is not supported anymore since HAProxy 2.1. Use 'http-request deny' instead.",
        ["reqpass"] = "The 'reqpass' not supported anymore since HAProxy 2.1.",
        ["reqipass"] = "The 'reqipass' directive is not supported anymore since HAProxy 2.1.",
        ["reqallow"] = "The 'reqallow' directive is not supported anymore since HAProxy 2.1. Use 'http-request allow' instead.",
        ["reqiallow"] = "The 'reqiallow' directive is not supported anymore since HAProxy 2.1. Use 'http-request allow' instead.",
        ["reqtarpit"] = "The 'reqtarpit' directive is not supported anymore since HAProxy 2.1. Use 'http-request tarpit' instead.",
        ["reqitarpit"] = "The 'reqitarpit' directive is not supported anymore since HAProxy 2.1. Use 'http-request tarpit' instead.",
        ["reqadd"] = "The 'reqadd' directive is not supported anymore since HAProxy 2.1. Use 'http-request add-header' instead.",
        ["rsprep"] = "The 'rsprep' directive is not supported anymore since HAProxy 2.1. Use 'http-response replace-header' instead.",
        ["rspirep"] = "The 'rspirep' directive is not supported anymore since HAProxy 2.1. Use 'http-response replace-header' instead.",
        ["rspdel"] = "The 'rspdel' directive is not supported anymore since HAProxy 2.1. Use 'http-response del-header' .",
        ["rspidel"] = "The 'rspidel' directive is not supported anymore since HAProxy 2.1. Use 'http-response del-header' instead.",
        ["rspdeny"] = "The 'rspdeny' directive is not supported anymore since HAProxy 2.1. Use 'http-response deny' instead.",
        ["rspideny"] = "The 'rspideny' directive is not supported anymore since HAProxy 2.1. Use 'http-response deny' instead.",
        ["rspadd"] = "The 'rspadd' directive is not supported anymore since HAProxy 2.1. Use 'http-response add-header' instead.",
    };

    private static KeywordTable<KeywordContext<ProxyBuilder>> WithCatalog(KeywordTable<KeywordContext<ProxyBuilder>> table)
    {
        table.AddMissing(AcceptedKeywords, UnimplementedKeyword.Handle)
            .WrapEach(ArgumentLimits.Keys, keyword => handler => c =>
            {
                if (!ArgumentLimit.Exceeded(c.Line, ArgumentLimits[keyword], c.Diagnostics))
                {
                    handler(c);
                }
            })
            .WrapEach(ProxyMissingArguments.Messages.Keys, keyword => handler => c =>
            {
                // A 'stick' line on a proxy without a backend side is only warned about, never parsed.
                if (c.Line[1].Length > 0 || (keyword == "stick" && !c.Section.HasBackendCapability))
                {
                    handler(c);
                    return;
                }

                var (format, prefix) = ProxyMissingArguments.Messages[keyword];
                c.Diagnostics.Alert(c.At, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, c.Section.Description, c.At), keyword, prefix);
            });
        foreach (var removed in RemovedKeywords.Keys)
        {
            table.Add(removed, c => c.Diagnostics.Alert(c.At, RemovedKeywords[c.Line.Keyword], c.Line.Keyword));
        }

        return WithSideChecks(WithDefaultsRestrictions(table))
            .Add("grace", c => c.Diagnostics.Alert(c.At, "the 'grace' keyword is not supported any more since HAProxy version 2.5.",
                "grace", LocationPrefix.ParsingTight))
            .Add("monitor-net", c => c.Diagnostics.Alert(c.At,
                $"'monitor-net' doesn't exist anymore. Please use 'http-request return status 200 if {{ src {c.Line[1]} }}' instead.", "monitor-net"));
    }
}
