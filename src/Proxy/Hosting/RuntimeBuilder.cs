using System.Net;
using System.Net.Sockets;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Proxy.Http;
using Proxy.Http.Auth;
using Proxy.Http.Conditions;
using Proxy.Http.LogFormat;
using Proxy.Http.Rules;
using Proxy.LoadBalancing;
using Proxy.Runtime;
using Proxy.Tls;

namespace Proxy.Hosting;

/// <summary>
/// Parsed configuration → <see cref="ProxyRuntime"/>. Also reports what this build cannot run yet: `-c` lists it
/// as warnings (HAProxy would accept the file), while a start refuses with alerts rather than serve part of it.
/// </summary>
internal sealed class RuntimeBuilder
{
    private readonly DiagnosticBag _diagnostics;
    private readonly DiagnosticSeverity _unsupported;
    private readonly Dictionary<string, Userlist> _userlists;

    private readonly RuntimeServices _services;

    private readonly GlobalSection _global;

    // Every backend by name, filled while they are built; rules read it lazily (`nbsrv`, dynamic `use_backend`).
    private readonly Dictionary<string, BackendState> _backends = new(StringComparer.Ordinal);

    private RuntimeBuilder(DiagnosticBag diagnostics, DiagnosticSeverity unsupported, GlobalSection global, Dictionary<string, Userlist> userlists, RuntimeServices services)
    {
        _diagnostics = diagnostics;
        _unsupported = unsupported;
        _global = global;
        _userlists = userlists;
        _services = services;
    }

    /// <param name="config">The parsed configuration.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="unsupported">The severity of "this proxy cannot run that yet": Warning for `-c`, Alert to start.</param>
    /// <param name="services">The clock and the way to reach servers; the system's when null.</param>
    public static ProxyRuntime? Build(HaproxyConfig config, DiagnosticBag diagnostics, DiagnosticSeverity unsupported = DiagnosticSeverity.Alert,
        RuntimeServices? services = null)
    {
        var fatalBefore = diagnostics.FatalCount;
        var itemsBefore = diagnostics.Items.Count;
        var builder = new RuntimeBuilder(diagnostics, unsupported, config.Global,
            config.Userlists.ToDictionary(u => u.Name, u => new Userlist(u), StringComparer.Ordinal), services ?? RuntimeServices.Default);
        var backends = builder._backends;
        foreach (var definition in config.Backends)
        {
            if (builder.BuildBackend(definition) is { } backend)
            {
                backends[definition.Name] = backend;
            }
        }

        var frontends = new List<FrontendState>();
        var listeners = new List<ListenerBinding>();
        foreach (var definition in config.Frontends)
        {
            if (definition.Mode != ProxyMode.Http)
            {
                builder.ModeTcp(definition.Location, Kind(definition.IsListen, "frontend"), definition.Name);
                continue;
            }

            foreach (var (at, message, keyword) in UnsupportedFeatures.Of(definition))
            {
                builder.Unsupported(at, message, keyword);
            }

            var backend = definition.DefaultBackend is { } target ? backends.GetValueOrDefault(target.Name) : null;
            var frontend = new FrontendState(definition, builder.Prepare(definition.Name, definition.Acls, definition.HttpRequestRules, definition.HttpResponseRules, definition.Options, definition.RedirectRules), builder.Switches(definition, backends), backend);
            frontends.Add(frontend);
            foreach (var bind in definition.Binds)
            {
                var tls = BindTlsLoader.Load(bind, Kind(definition.IsListen, "frontend"), definition.Name, config.Global, diagnostics, TimeProvider.System,
                    builder.Unsupported);
                foreach (var endpoint in bind.Endpoints)
                {
                    if (builder.Resolve(endpoint, bind.Location) is { } address)
                    {
                        // haproxy 2.6: a bind line's maxconn limits each of its listeners (one per address and port).
                        var limit = bind.MaxConn > 0 ? new ConnectionLimit(bind.MaxConn) : null;
                        listeners.Add(new ListenerBinding(new IPEndPoint(address, endpoint.Port), frontend, tls, limit));
                    }
                }
            }
        }

        var accessLogs = Logging.AccessLogRegistry.Build(config, diagnostics, TimeProvider.System, Environment.ProcessId);
        BindTlsLoader.EndChecks(diagnostics, itemsBefore);
        return diagnostics.FatalCount > fatalBefore ? null : new ProxyRuntime(frontends, [.. backends.Values], listeners)
        {
            Connections = config.Global.MaxConn is { } max ? new ConnectionLimit(max) : null,
            SpreadChecks = config.Global.SpreadChecks,
            Global = config.Global,
            AccessLogs = accessLogs,
        };
    }

    private BackendState? BuildBackend(BackendSection definition)
    {
        if (definition.Servers.Count == 0)
        {
            // Nothing to balance: a listen section that only answers with rules, or an empty backend (503).
            var none = new ServerPool([], definition.AllBackups);
            return NewBackend(definition, none, new RoundRobinBalancer(none));
        }

        if (definition.Mode != ProxyMode.Http)
        {
            ModeTcp(definition.Location, Kind(definition.IsListen, "backend"), definition.Name);
            return null;
        }

        foreach (var (at, message, keyword) in UnsupportedFeatures.Of(definition))
        {
            Unsupported(at, message, keyword);
        }

        foreach (var (at, message, keyword) in UnsupportedFeatures.SoftOf(definition))
        {
            _diagnostics.Warning(at, message, keyword);
        }

        var ids = ServerIds.Assign(definition.Servers);
        var pool = new ServerPool([.. definition.Servers.Select((s, i) => new ServerState(s, i, ids[i]))], definition.AllBackups);
        if (BalancerFactory.Create(definition, pool, Random.Shared, out var unsupported) is not { } balancer)
        {
            Unsupported(definition.Balance.Location ?? definition.Location,
                $"{unsupported}; {Kind(definition.IsListen, "backend")} '{definition.Name}' cannot be balanced.", "balance");
            return null;
        }

        return NewBackend(definition, pool, balancer);
    }

    private BackendState NewBackend(BackendSection definition, ServerPool pool, IBalancer balancer) => new(
        definition,
        pool,
        Prepare(definition.Name, definition.Acls, definition.HttpRequestRules, definition.HttpResponseRules, definition.Options, definition.RedirectRules),
        balancer,
        UpstreamClientFactory.CreateInvoker(definition.Timeouts, _services.Time, _services.Connect, ServerTls.ForBackend(definition, _global, _diagnostics, Unsupported)),
        UpstreamClientFactory.CreateRequestConfig(definition.Timeouts),
        _services.Time);

    private HttpRuleSet Prepare(string proxy, IReadOnlyList<ConfigParser.Model.Conditions.AclDefinition> acls, IReadOnlyList<HttpRequestRule> request,
        IReadOnlyList<HttpRequestRule> response, IReadOnlyList<ProxyOption> options, IReadOnlyList<HttpRedirectRule> redirects)
        => new HttpRuleCompiler(acls, _userlists, proxy, Unsupported, _backends).Compile(request, response, options, redirects);

    private List<UseBackendSwitch> Switches(FrontendSection definition, Dictionary<string, BackendState> backends)
    {
        var switches = new List<UseBackendSwitch>(definition.UseBackendRules.Count);
        var compiler = new ConditionCompiler(definition.Acls, _userlists, backends: backends);
        foreach (var rule in definition.UseBackendRules)
        {
            LogFormatExpression? name = null;
            if (!rule.IsStatic && (name = LogFormatCompiler.Compile(rule.Backend, out var notEvaluated)) is null)
            {
                Unsupported(rule.Location, $"'use_backend {rule.Backend}': its name uses {notEvaluated}, which this proxy does not evaluate yet.", "use_backend");
                continue;
            }

            IRequestPredicate? condition = null;
            if (rule.Condition is { } written && (condition = compiler.Compile(written, out var unsupported)) is null)
            {
                Unsupported(rule.Location, $"'use_backend {rule.Backend}': its condition uses {unsupported}, which this proxy does not evaluate yet.", "use_backend");
                continue;
            }

            if (name is not null)
            {
                switches.Add(new UseBackendSwitch(condition, name, backends));
            }

            // A target that failed to build was already reported (the start is refused); the parser checks unknown names.
            else if (backends.GetValueOrDefault(rule.Backend) is { } backend)
            {
                switches.Add(new UseBackendSwitch(condition, backend));
            }
        }

        return switches;
    }

    private IPAddress? Resolve(BindEndpoint endpoint, SourceLocation at)
    {
        if (endpoint.IsAnyIPv4)
        {
            return IPAddress.Any;
        }

        if (IPAddress.TryParse(endpoint.Host, out var address))
        {
            return address;
        }

        try
        {
            return Dns.GetHostAddresses(endpoint.Host).OrderBy(a => a.AddressFamily != AddressFamily.InterNetwork).First();
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException or ArgumentException)
        {
            _diagnostics.Alert(at, $"'bind {endpoint}' : could not resolve address '{endpoint.Host}'.", "bind");
            return null;
        }
    }

    private void ModeTcp(SourceLocation at, string kind, string name)
        => Unsupported(at, $"{kind} '{name}' uses mode tcp, which this proxy does not run yet; use 'mode http'.", "mode");

    private void Unsupported(SourceLocation at, string message, string keyword)
        => _diagnostics.Add(new ConfigDiagnostic(_unsupported, at, message, keyword));

    private static string Kind(bool isListen, string kind) => isListen ? "proxy" : kind;
}
