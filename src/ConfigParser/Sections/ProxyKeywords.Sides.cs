using ConfigParser.Diagnostics;

namespace ConfigParser.Sections;

/// <summary>
/// Keywords that act on one side of a proxy only (haproxy 2.6 warnifnotcap and the keywords' own checks): on a
/// proxy without that side HAProxy warns that the line is ignored, or refuses it, in each keyword's wording.
/// </summary>
internal static partial class ProxyKeywords
{
    private static readonly string[] FrontendOnly = ["monitor-uri", "monitor", "backlog", "max-session-srv-conns"];

    private static readonly string[] BackendOnly =
    [
        "retries", "cookie", "http-check", "http-reuse", "hash-type", "dispatch", "http-send-name-header", "tcp-check", "use-server",
        "load-server-state-from-file", "server-state-file-name", "source", "force-persist", "stick",
    ];

    private static KeywordTable<KeywordContext<ProxyBuilder>> WithSideChecks(KeywordTable<KeywordContext<ProxyBuilder>> table)
    {
        foreach (var keyword in FrontendOnly.Append("maxconn"))
        {
            var hint = keyword == "maxconn" ? " Maybe you want 'fullconn' instead ?" : "";
            table.Wrap(keyword, handler => c =>
            {
                if (!c.Section.HasFrontendCapability)
                {
                    c.Diagnostics.Warning(c.At, $"'{keyword}' ignored because {c.Section.Description} has no frontend capability.{hint}", keyword);
                }

                handler(c);
            });
        }

        foreach (var keyword in BackendOnly.Append("fullconn"))
        {
            var hint = keyword == "fullconn" ? " Maybe you want 'maxconn' instead ?" : "";
            table.Wrap(keyword, handler => c =>
            {
                if (!c.Section.HasBackendCapability)
                {
                    c.Diagnostics.Warning(c.At, $"'{keyword}' ignored because {c.Section.Description} has no backend capability.{hint}", keyword);
                }

                handler(c);
            });
        }

        return table
            .Wrap("default-server", RefusedWithoutBackend)
            .Wrap("server-template", RefusedWithoutBackend)
            // retry-on checks its argument before the side.
            .Wrap("retry-on", handler => c => RefuseUnless(c, handler, c.Section.HasBackendCapability || c.Line[1].Length == 0,
                "'retry-on' only available in backend or listen section"))
            .Wrap("use-fcgi-app", handler => c => RefuseUnless(c, handler, c.Section.Kind is ProxyKind.Backend or ProxyKind.Listen,
                "'use-fcgi-app' only available in backend or listen section"))
            .Wrap("declare", handler => c => RefuseUnless(c, handler, c.Section.HasFrontendCapability, "'declare' only available in frontend or listen section"))
            .Wrap("max-keep-alive-queue", handler => c =>
            {
                if (!c.Section.HasBackendCapability)
                {
                    c.Diagnostics.Warning(c.At, $"max-keep-alive-queue will be ignored because {c.Section.Description} has no backend capability", "max-keep-alive-queue");
                }

                handler(c);
            })
            .Wrap("log-format", handler => c =>
            {
                if (!c.Section.HasFrontendCapability)
                {
                    c.Diagnostics.Warning(c.At, $"{c.Section.Description} : 'log-format' directive is ignored in backends.", "log-format");
                }

                handler(c);
            });
    }

    // Like `server`: refused with both location prefixes when the proxy has no backend side.
    private static Action<KeywordContext<ProxyBuilder>> RefusedWithoutBackend(Action<KeywordContext<ProxyBuilder>> handler) => c =>
    {
        if (c.Section.HasBackendCapability)
        {
            handler(c);
            return;
        }

        c.Diagnostics.Alert(c.At, $"parsing [{c.At.File}:{c.At.Line}] : '{c.Line.Keyword}' not allowed because {c.Section.Description} has no backend capability.",
            c.Line.Keyword, LocationPrefix.Bracket);
    };

    private static void RefuseUnless(KeywordContext<ProxyBuilder> c, Action<KeywordContext<ProxyBuilder>> handler, bool allowed, string message)
    {
        if (!allowed)
        {
            c.Diagnostics.Alert(c.At, message, c.Line.Keyword);
            return;
        }

        handler(c);
    }
}
