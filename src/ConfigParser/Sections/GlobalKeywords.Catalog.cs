using ConfigParser.Diagnostics;
using ConfigParser.Directives;

namespace ConfigParser.Sections;

/// <summary>
/// Every other keyword HAProxy 2.6 accepts in the global section (src/cfgparse-global.c cfg_parse_global plus the
/// keywords registered for "global" in `haproxy -dKcfg`), accepted with a "not implemented" warning.
/// </summary>
internal static partial class GlobalKeywords
{
    private static readonly string[] AcceptedKeywords =
    [
        "busy-polling", "ca-base", "chroot", "close-spread-time", "cluster-secret", "cpu-map", "crt-base",
        "default-path", "description", "expose-experimental-directives", "external-check", "gid", "grace", "group",
        "h1-accept-payload-with-any-method", "h1-case-adjust", "h1-case-adjust-file", "hard-stop-after",
        "httpclient.resolvers.id", "httpclient.resolvers.prefer", "httpclient.ssl.ca-file", "httpclient.ssl.verify",
        "insecure-fork-wanted", "insecure-setuid-wanted", "issuers-chain-path", "localpeer", "log-send-hostname",
        "log-tag", "lua-prepend-path", "max-spread-checks", "maxcompcpuusage",
        "maxcomprate", "maxconnrate", "maxpipes", "maxsessrate", "maxsslconn", "maxsslrate", "maxzlibmem",
        "mworker-max-reloads", "no-memory-trimming", "node", "noepoll", "noevports", "nogetaddrinfo",
        "nokqueue", "nopoll", "noreuseport", "nosplice", "numa-cpu-mapping", "pp2-never-send-local", "presetenv",
        "profiling.tasks", "quiet", "resetenv", "server-state-base", "server-state-file", "set-dumpable", "set-var",
        "set-var-fmt", "setenv", "spread-checks", "ssl-default-bind-ciphers", "ssl-default-bind-ciphersuites",
        "ssl-default-bind-curves", "ssl-default-bind-options", "ssl-default-server-ciphers",
        "ssl-default-server-ciphersuites", "ssl-default-server-options", "ssl-dh-param-file",
        "ssl-load-extra-del-ext", "ssl-load-extra-files", "ssl-mode-async", "ssl-propquery", "ssl-provider",
        "ssl-provider-path", "ssl-server-verify", "ssl-skip-self-issued-ca", "stats", "strict-limits",
        "thread-group", "thread-groups", "tune.buffers.limit", "tune.buffers.reserve", "tune.bufsize",
        "tune.comp.maxlevel", "tune.fail-alloc", "tune.fd.edge-triggered",
        "tune.h2.header-table-size", "tune.h2.initial-window-size", "tune.h2.max-concurrent-streams",
        "tune.h2.max-frame-size", "tune.http.cookielen", "tune.http.logurilen", "tune.http.maxhdr",
        "tune.idle-pool.shared", "tune.idletimer", "tune.listener.multi-queue", "tune.lua.forced-yield",
        "tune.lua.maxmem", "tune.lua.service-timeout", "tune.lua.session-timeout", "tune.lua.task-timeout",
        "tune.maxaccept", "tune.maxpollevents", "tune.maxrewrite", "tune.pattern.cache-size",
        "tune.peers.max-updates-at-once", "tune.pipesize", "tune.pool-high-fd-ratio", "tune.pool-low-fd-ratio",
        "tune.rcvbuf.client", "tune.rcvbuf.server", "tune.recv_enough", "tune.runqueue-depth",
        "tune.sched.low-latency", "tune.sndbuf.client", "tune.sndbuf.server", "tune.ssl.cachesize",
        "tune.ssl.capture-buffer-size", "tune.ssl.capture-cipherlist-size", "tune.ssl.default-dh-param",
        "tune.ssl.force-private-cache", "tune.ssl.hard-maxrecord", "tune.ssl.keylog", "tune.ssl.lifetime",
        "tune.ssl.maxrecord", "tune.ssl.ssl-ctx-cache-size", "tune.vars.check-max-size", "tune.vars.global-max-size",
        "tune.vars.proc-max-size", "tune.vars.reqres-max-size", "tune.vars.sess-max-size", "tune.vars.txn-max-size",
        "uid", "ulimit-n", "unix-bind", "unsetenv", "user", "zero-warning",
    ];

    /// <summary>
    /// What HAProxy 2.6 offers when it suggests a fix for an unknown global keyword: the registered keywords
    /// (`haproxy -dKcfg`), then src/cfgparse-global.c common_kw_list; not every keyword it accepts.
    /// </summary>
    public static IReadOnlyList<string> Suggestions { get; } =
    [
        "ca-base", "close-spread-time", "crt-base", "default-path", "grace", "h1-accept-payload-with-any-method",
        "h1-case-adjust", "h1-case-adjust-file", "hard-stop-after", "httpclient.resolvers.id", "httpclient.resolvers.prefer",
        "httpclient.ssl.ca-file", "httpclient.ssl.verify", "issuers-chain-path", "lua-load", "lua-load-per-thread",
        "lua-prepend-path", "maxsslconn", "mworker-max-reloads", "nbthread", "no-memory-trimming", "pp2-never-send-local",
        "profiling.tasks", "set-var", "set-var-fmt", "ssl-default-bind-ciphers", "ssl-default-bind-ciphersuites",
        "ssl-default-bind-curves", "ssl-default-bind-options", "ssl-default-server-ciphers", "ssl-default-server-ciphersuites",
        "ssl-default-server-options", "ssl-dh-param-file", "ssl-load-extra-del-ext", "ssl-load-extra-files", "ssl-mode-async",
        "ssl-propquery", "ssl-provider", "ssl-provider-path", "ssl-skip-self-issued-ca", "stats", "thread-group", "thread-groups",
        "tune.fail-alloc", "tune.fd.edge-triggered", "tune.h2.header-table-size", "tune.h2.initial-window-size",
        "tune.h2.max-concurrent-streams", "tune.h2.max-frame-size", "tune.idle-pool.shared", "tune.listener.multi-queue",
        "tune.lua.forced-yield", "tune.lua.maxmem", "tune.lua.service-timeout", "tune.lua.session-timeout", "tune.lua.task-timeout",
        "tune.peers.max-updates-at-once", "tune.pool-high-fd-ratio", "tune.pool-low-fd-ratio", "tune.sched.low-latency",
        "tune.ssl.cachesize", "tune.ssl.capture-buffer-size", "tune.ssl.capture-cipherlist-size", "tune.ssl.default-dh-param",
        "tune.ssl.force-private-cache", "tune.ssl.hard-maxrecord", "tune.ssl.keylog", "tune.ssl.lifetime", "tune.ssl.maxrecord",
        "tune.ssl.ssl-ctx-cache-size", "tune.vars.check-max-size", "tune.vars.global-max-size", "tune.vars.proc-max-size",
        "tune.vars.reqres-max-size", "tune.vars.sess-max-size", "tune.vars.txn-max-size",
        "global", "daemon", "master-worker", "noepoll", "nokqueue", "noevports", "nopoll", "busy-polling", "set-dumpable",
        "insecure-fork-wanted", "insecure-setuid-wanted", "nosplice", "nogetaddrinfo", "noreuseport", "quiet", "zero-warning",
        "tune.runqueue-depth", "tune.maxpollevents", "tune.maxaccept", "tune.recv_enough", "tune.buffers.limit",
        "tune.buffers.reserve", "tune.bufsize", "tune.maxrewrite", "tune.idletimer", "tune.rcvbuf.client", "tune.rcvbuf.server",
        "tune.sndbuf.client", "tune.sndbuf.server", "tune.pipesize", "tune.http.cookielen", "tune.http.logurilen",
        "tune.http.maxhdr", "tune.comp.maxlevel", "tune.pattern.cache-size", "uid", "gid", "external-check", "user", "group",
        "nbproc", "nbthread", "maxconn", "ssl-server-verify", "maxconnrate", "maxsessrate", "maxsslrate", "maxcomprate",
        "maxpipes", "maxzlibmem", "maxcompcpuusage", "ulimit-n", "chroot", "description", "node", "pidfile", "unix-bind", "log",
        "log-send-hostname", "server-state-base", "server-state-file", "log-tag", "spread-checks", "max-spread-checks", "cpu-map",
        "setenv", "presetenv", "unsetenv", "resetenv", "strict-limits", "localpeer", "numa-cpu-mapping", "defaults", "listen",
        "frontend", "backend", "peers", "resolvers",
    ];

    // The typed handlers that check their own argument count.
    private static readonly string[] TypedWithOwnLimit = ["maxconn", "pidfile", "daemon", "nbthread", "master-worker"];

    // Typed handlers first; the catalog then fills in every other accepted keyword.
    private static KeywordTable<KeywordContext<GlobalBuilder>> WithCatalog(KeywordTable<KeywordContext<GlobalBuilder>> table) =>
        table
            .Add("lua-load", LuaLoad)
            .Add("stats", Stats)
            .Add("crt-base", c =>
            {
                c.Section.CrtBase = c.Line[1];
            })
            .Add("ssl-default-bind-ciphers", SslDefault)
            .Add("ssl-default-bind-ciphersuites", SslDefault)
            .Add("ssl-default-bind-options", SslDefault)
            .Add("ssl-default-server-ciphers", SslDefault)
            .Add("ssl-default-server-ciphersuites", SslDefault)
            .Add("ssl-default-server-options", SslDefault)
            .Add("ssl-server-verify", SslDefault)
            .Add("lua-load-per-thread", LuaLoad)
            .Add("spread-checks", SpreadChecks)
            .Add("log-send-hostname", c => c.Section.LogSendHostname = c.Line[1])
            .Add("log-tag", c => c.Section.LogTag = c.Line[1])
            .Add("tune.chksize", c => c.Diagnostics.Alert(c.At,
                "option 'tune.chksize' is not supported any more (tune.bufsize is used instead).", "tune.chksize", LocationPrefix.ParsingTight))
            .Add("nbproc", c => c.Diagnostics.Alert(c.At,
                "nbproc is not supported any more since HAProxy 2.5. Threads will automatically be used on multi-processor machines if available.",
                "nbproc"))
            .AddMissing(AcceptedKeywords, UnimplementedKeyword.Handle)
            .WrapEach(GlobalArgumentLimits.Limits.Keys.Except(TypedWithOwnLimit), keyword => handler => c =>
            {
                if (!ArgumentLimit.Exceeded(c.Line, GlobalArgumentLimits.Limits[keyword], c.Diagnostics))
                {
                    handler(c);
                }
            })
            .WrapEach(GlobalMissingArguments.Messages.Keys, keyword => handler => c =>
            {
                if (c.Line[1].Length == 0)
                {
                    var (message, prefix) = GlobalMissingArguments.Messages[keyword];
                    c.Diagnostics.Alert(c.At, message, keyword, prefix);
                    return;
                }

                handler(c);
            });

    // haproxy 2.6 loads Lua files while parsing: a missing file is an error at once (src/hlua.c hlua_load).
    private static void LuaLoad(KeywordContext<GlobalBuilder> c)
    {
        var file = c.Line[1];
        if (file.Length > 0 && !File.Exists(file))
        {
            c.Diagnostics.Alert(c.At, $"error in Lua file '{file}': cannot open {file}: No such file or directory", c.Line.Keyword);
            return;
        }

        UnimplementedKeyword.Handle(c);
    }

    // haproxy 2.6 src/cli.c cli_parse_global ("stats socket|timeout|maxconn|bind-process").
    private static void Stats(KeywordContext<GlobalBuilder> c)
    {
        var parameter = c.Line[1];
        if (parameter is not ("socket" or "maxconn" or "bind-process" or "timeout"))
        {
            c.Diagnostics.Alert(c.At, $"'stats' only supports 'socket', 'maxconn', 'bind-process' and 'timeout' (got '{parameter}')", "stats");
            return;
        }

        if (parameter == "socket")
        {
            if (c.Line[2].Length == 0)
            {
                c.Diagnostics.Alert(c.At, "'stats socket' in global section expects an address or a path to a UNIX socket", "stats");
                return;
            }

            c.Section.StatsSockets.Add(new Model.StatsSocketDefinition(c.At, c.Line[2], [.. c.Line.Words.Skip(3)]));
        }

        UnimplementedKeyword.Handle(c);
    }

    // haproxy 2.6 src/cfgparse-global.c: a percentage from 0 to 50 (atol, so trailing junk reads as its leading digits).
    private static void SpreadChecks(KeywordContext<GlobalBuilder> c)
    {
        var text = c.Line[1];
        var digits = text.TakeWhile(char.IsAsciiDigit).Count();
        var value = digits == 0 ? 0 : int.TryParse(text.AsSpan(0, Math.Min(digits, 9)), out var v) ? v : int.MaxValue;
        if (value > 50 || (digits == 0 && text.StartsWith('-') && text.Length > 1))
        {
            c.Diagnostics.Alert(c.At, "'spread-checks' needs a positive value in range 0..50.", "spread-checks", LocationPrefix.ParsingTight);
            return;
        }

        c.Section.SpreadChecks = value;
    }

    private static void MasterWorker(KeywordContext<GlobalBuilder> c)
    {
        if (c.TooManyArguments(1))
        {
            return;
        }

        if (c.Line[1].Length > 0 && c.Line[1] != "no-exit-on-failure")
        {
            c.Diagnostics.Alert(c.At, "'master-worker' only supports 'no-exit-on-failure' option.", "master-worker");
            return;
        }

        c.Section.MasterWorker = true;
        UnimplementedKeyword.Handle(c);
    }

    private static void Log(KeywordContext<GlobalBuilder> c)
    {
        if (c.Modifier == KeywordModifier.No)
        {
            c.Section.Logs.Clear();
            return;
        }

        if (c.Line.Count < 3)
        {
            // The global section words it without "or global" (and with two spaces), haproxy 2.6 src/log.c.
            c.Diagnostics.Alert(c.At, "log : expects <address> and <facility>  as arguments", "log");
            return;
        }

        if (LogParser.Parse(c.Line, c.Diagnostics, c.ResolvesHost) is { } log)
        {
            c.Section.Logs.Add(log);
        }
    }

    // The TLS defaults the proxy applies to binds and servers (Proxy/Tls); kept as written, checked where applied.
    private static void SslDefault(KeywordContext<GlobalBuilder> c)
        => c.Section.SslDefaults[c.Line.Keyword] = string.Join(' ', Enumerable.Range(1, c.Line.Count - 1).Select(i => c.Line[i]));
}
