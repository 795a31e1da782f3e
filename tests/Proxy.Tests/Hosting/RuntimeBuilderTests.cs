using System.Net;
using ConfigParser;
using ConfigParser.Diagnostics;
using Proxy.Hosting;

namespace Proxy.Tests.Hosting;

public class RuntimeBuilderTests
{
    private static (Proxy.Runtime.ProxyRuntime? Runtime, DiagnosticBag Diagnostics) Build(string text, DiagnosticSeverity unsupported = DiagnosticSeverity.Alert)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", text)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics));
        var diagnostics = new DiagnosticBag();
        return (RuntimeBuilder.Build(parsed.Config!, diagnostics, unsupported), diagnostics);
    }

    private const string Defaults = "defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n";

    [Fact]
    public void Build_FrontendWithDefaultBackend_WiresListenersAndServers()
    {
        var (runtime, _) = Build(Defaults + "frontend fe\n bind 127.0.0.1:8080,127.0.0.2:9000-9001\n default_backend be\n" +
                                 "backend be\n server a 127.0.0.1:1 weight 2\n server b 127.0.0.1:2 weight 0\n");

        Assert.NotNull(runtime);
        Assert.Equal(["127.0.0.1:8080", "127.0.0.2:9000", "127.0.0.2:9001"], runtime.Listeners.Select(l => l.Endpoint.ToString()));
        var frontend = Assert.Single(runtime.Frontends);
        Assert.Equal("be", frontend.DefaultBackend!.Name);
        Assert.Equal(["a", "b"], frontend.DefaultBackend.Servers.Select(s => s.Name));
        Assert.Equal(["a"], frontend.DefaultBackend.Eligible.Select(s => s.Name));
    }

    [Fact]
    public void Build_BindMaxConn_EachListenerOfTheLineGetsItsOwnLimit()
    {
        var (runtime, _) = Build(Defaults + "frontend fe\n bind 127.0.0.1:8080-8081 maxconn 3\n bind 127.0.0.1:8082\n bind 127.0.0.1:8083 maxconn 0\n");

        var listeners = runtime!.Listeners;
        Assert.Equal([3, 3, 0, 0], listeners.Select(l => l.Limit?.Max ?? 0));
        Assert.NotSame(listeners[0].Limit, listeners[1].Limit);
    }

    [Fact]
    public void Build_WildcardBind_ListensOnAllIPv4()
    {
        var (runtime, _) = Build(Defaults + "frontend fe\n bind :8080\n bind *:8081\n");

        Assert.All(runtime!.Listeners, l => Assert.Equal(IPAddress.Any, l.Endpoint.Address));
    }

    [Fact]
    public void Build_ListenSection_UsesItsOwnServers()
    {
        var (runtime, _) = Build(Defaults + "listen app\n bind 127.0.0.1:8080\n server s 127.0.0.1:1\n");

        Assert.Equal("app", Assert.Single(runtime!.Frontends).DefaultBackend!.Name);
    }

    [Fact]
    public void Build_ModeTcp_ReportsNotRunnableYetWithFileLine()
    {
        var (runtime, diagnostics) = Build("defaults\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n" +
                                           "frontend fe\n bind 127.0.0.1:8080\n");

        Assert.Null(runtime);
        var alert = Assert.Single(diagnostics.Items);
        Assert.Equal(new SourceLocation("t.cfg", 5), alert.Location);
        Assert.Contains("mode tcp", alert.Message);
    }

    [Fact]
    public void Build_ModeTcpUnderCheck_IsAWarningAndTheRestStillBuilds()
    {
        var (runtime, diagnostics) = Build("defaults\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n" +
                                           "frontend tcp\n bind 127.0.0.1:8080\n" +
                                           "frontend web\n mode http\n bind 127.0.0.1:8081\n", DiagnosticSeverity.Warning);

        Assert.NotNull(runtime);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics.Items).Severity);
        Assert.Equal(["web"], runtime.Frontends.Select(f => f.Name));
    }

    [Fact]
    public void Build_UseBackendWithSupportedFetches_KeepsRulesInOrder()
    {
        var (runtime, diagnostics) = Build(Defaults + "frontend fe\n bind 127.0.0.1:8080\n use_backend b if { path_beg /b }\n use_backend a\n" +
                                           "backend a\n server s 127.0.0.1:1\nbackend b\n server s 127.0.0.1:2\n");

        Assert.Empty(diagnostics.Items);
        var frontend = Assert.Single(runtime!.Frontends);
        Assert.Equal(["b", "a"], frontend.UseBackends.Select(u => u.Targets.Single().Name));
        Assert.NotNull(frontend.UseBackends[0].Condition);
        Assert.Null(frontend.UseBackends[1].Condition);
    }

    [Theory]
    [InlineData("", "b")]
    [InlineData(" disabled", "a")]
    public void Build_NbsrvOfAnotherBackend_CountsItsUsableServers(string secondServer, string expected)
    {
        // nbsrv(b) is read from backend b's current pool; a server in maintenance does not count.
        var (runtime, diagnostics) = Build(Defaults + "frontend fe\n bind 127.0.0.1:8080\n acl b_full nbsrv(b) ge 2\n use_backend b if b_full\n default_backend a\n" +
                                           $"backend a\n server s 127.0.0.1:1\nbackend b\n server s1 127.0.0.1:2\n server s2 127.0.0.1:3{secondServer}\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal(expected, runtime!.Frontends.Single().SelectBackend(new Microsoft.AspNetCore.Http.DefaultHttpContext())?.Name);
    }

    [Theory]
    [InlineData("use_backend be if { req.cook(x) y }", "fetch 'req.cook'")]
    [InlineData("use_backend be if { path,base64 x }", "converter 'base64'")]
    [InlineData("use_backend %[req.cook(x)]", "fetch 'req.cook(x)'")]
    public void Build_UseBackendNotRunnable_IsRefusedAtTheRuleLine(string rule, string expected)
    {
        var (runtime, diagnostics) = Build(Defaults + $"frontend fe\n bind 127.0.0.1:8080\n {rule}\nbackend be\n server s 127.0.0.1:1\n");

        Assert.Null(runtime);
        var alert = Assert.Single(diagnostics.Items);
        Assert.Equal(new SourceLocation("t.cfg", 8), alert.Location);
        Assert.Contains(expected, alert.Message);
    }

    [Theory]
    [InlineData("http-request set-header X-Sni %[ssl_fc_cipher]", "fetch 'ssl_fc_cipher'")]
    [InlineData("http-request set-header X-L %{+Q}ci", "log-format options")]
    [InlineData("http-request deny if { req.cook(x) y }", "fetch 'req.cook'")]
    [InlineData("http-request set-var(proc.x) str(y)", "variable 'proc.x'")]
    [InlineData("http-response set-status 200 reason %[ssl_fc_cipher]", "fetch 'ssl_fc_cipher'")]
    [InlineData("redirect location %[ssl_fc_cipher]", "fetch 'ssl_fc_cipher'")]
    public void Build_RuleNotRunnable_IsRefusedAtTheRuleLine(string rule, string expected)
    {
        var (runtime, diagnostics) = Build(Defaults + $"frontend fe\n bind 127.0.0.1:8080\n {rule}\nbackend be\n server s 127.0.0.1:1\n");

        Assert.Null(runtime);
        var alert = Assert.Single(diagnostics.Items);
        Assert.Equal(new SourceLocation("t.cfg", 8), alert.Location);
        Assert.Contains(expected, alert.Message);
    }

    [Fact]
    public void Build_RulesAndOptions_CompiledPerProxy()
    {
        var (runtime, diagnostics) = Build(Defaults +
            "userlist ul\n user u insecure-password p\n" +
            "frontend fe\n bind 127.0.0.1:8080\n option httpclose\n http-request auth unless { http_auth(ul) }\n" +
            " http-request set-header X-A %[src]\n redirect scheme https if { path /x }\n http-response del-header Server\n default_backend be\n" +
            "backend be\n option forwardfor if-none\n http-request deny if { path /no }\n server s 127.0.0.1:1\n");

        Assert.Empty(diagnostics.Items);
        var frontend = Assert.Single(runtime!.Frontends);
        Assert.Equal((3, 1, Proxy.Http.Rules.HttpConnectionMode.Close), (frontend.Rules.Request.Count, frontend.Rules.Response.Count, frontend.Rules.Mode));
        Assert.Equal((1, true), (frontend.DefaultBackend!.Rules.Request.Count, frontend.DefaultBackend.Rules.ForwardFor!.IfNone));
        Assert.NotSame(Proxy.Http.HaproxyRequestTransformer.Instance, frontend.TransformerFor(frontend.DefaultBackend));
    }

    [Fact]
    public void Build_UnevaluatedBalanceHash_IsReportedAtTheBalanceLine()
    {
        var config = new ConfigParser.Model.HaproxyConfig
        {
            Backends =
            [
                new ConfigParser.Model.BackendSection
                {
                    Name = "be",
                    Location = new SourceLocation("t.cfg", 1),
                    Mode = ConfigParser.Model.ProxyMode.Http,
                    Balance = new ConfigParser.Model.BalanceDefinition(new SourceLocation("t.cfg", 2), "hash", ["unknown_fetch"]),
                    Servers = [new ConfigParser.Model.ServerDefinition(new SourceLocation("t.cfg", 3), "s", "127.0.0.1", 80, 1)],
                },
            ],
        };
        var diagnostics = new DiagnosticBag();

        var runtime = RuntimeBuilder.Build(config, diagnostics, DiagnosticSeverity.Warning);

        Assert.NotNull(runtime);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticSeverity.Warning, new SourceLocation("t.cfg", 2)), (warning.Severity, warning.Location));
        Assert.Contains("'balance hash' expression is not evaluated by this proxy yet", warning.Message);
    }
}
