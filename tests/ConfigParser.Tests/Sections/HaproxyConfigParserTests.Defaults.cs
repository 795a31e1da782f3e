using ConfigParser.Model;
using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>Defaults inheritance and the listen split, checked on the model the parser builds.</summary>
public sealed partial class HaproxyConfigParserTests
{
    [Fact]
    public void ParseFile_Defaults_PresetTheProxiesThatFollow()
    {
        var result = Parse(Lines(
            "defaults",
            "  mode http",
            "  timeout client 30s",
            "  timeout connect 5s",
            "  timeout server 30s",
            "frontend fe",
            "  bind :8080",
            "  timeout client 10s",
            "  default_backend be",
            "backend be",
            "  server s1 127.0.0.1:80"));

        Assert.Empty(result.Messages());
        var frontend = result.Config!.Frontends.Single();
        var backend = result.Config.Backends.Single();
        Assert.Equal(ProxyMode.Http, frontend.Mode);
        Assert.Equal(ProxyMode.Http, backend.Mode);
        Assert.Equal(TimeSpan.FromSeconds(10), frontend.Timeouts.Client);
        Assert.Equal(TimeSpan.FromSeconds(5), backend.Timeouts.Connect);
        Assert.Equal(TimeSpan.FromSeconds(30), backend.Timeouts.Server);
        Assert.Equal(BalanceAlgorithms.RoundRobin, backend.Balance.Algorithm);
    }

    [Fact]
    public void ParseFile_NoDefaults_ProxyIsTcpWithoutTimeouts()
    {
        var backend = Parse(Lines("backend be", "  server s1 127.0.0.1:80")).Config!.Backends.Single();

        Assert.Equal(ProxyMode.Tcp, backend.Mode);
        Assert.Equal(ProxyTimeouts.None, backend.Timeouts);
        Assert.Same(BalanceDefinition.Default, backend.Balance);
    }

    [Fact]
    public void ParseFile_SecondDefaults_StartsFromScratchRatherThanFromTheFirst()
    {
        var result = Parse(Lines("defaults", "  timeout client 5s", "defaults", "frontend fe", "  bind :80"));

        Assert.Null(result.Config!.Frontends.Single().Timeouts.Client);
        Assert.StartsWith("[WARNING] missing timeouts for frontend 'fe'.", Assert.Single(result.Messages()));
    }

    [Fact]
    public void ParseFile_NamedDefaults_AreChosenWithFromAndChained()
    {
        var result = Parse(Lines(
            "defaults base",
            "  mode http",
            "defaults slow from base",
            "  timeout client 1m",
            "defaults fast",
            "  timeout client 1s",
            "frontend fe from slow",
            "  bind :8080",
            "frontend fe2",
            "  bind :8081"));

        var (slow, fast) = (result.Config!.Frontends[0], result.Config.Frontends[1]);
        Assert.Equal((ProxyMode.Http, TimeSpan.FromMinutes(1)), (slow.Mode, slow.Timeouts.Client));
        Assert.Equal((ProxyMode.Tcp, TimeSpan.FromSeconds(1)), (fast.Mode, fast.Timeouts.Client));
    }

    [Fact]
    public void ParseFile_AnonymousDefaultsFromNamed_InheritsTheNamedOne()
    {
        var result = Parse(Lines("defaults d", "  timeout client 5s", "defaults from d", "frontend fe", "  bind :80"));

        Assert.Empty(result.Messages());
        Assert.Equal(TimeSpan.FromSeconds(5), result.Config!.Frontends.Single().Timeouts.Client);
    }

    [Fact]
    public void ParseFile_DefaultBackendInDefaults_IsOnlyInheritedByFrontendSides()
    {
        var result = Parse(Lines("defaults", "  default_backend nope", "backend be", "  server s1 127.0.0.1:80"));

        // A backend never gets it, so the missing "nope" is not reported.
        Assert.StartsWith("[WARNING] missing timeouts for backend 'be'.", Assert.Single(result.Messages()));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void ParseFile_HttpRequestInNamedDefaults_RunsBeforeTheProxysOwnRules()
    {
        // Checked at run time with HAProxy 2.6.12: the defaults' "return status 201" answered, not the frontend's.
        var result = Parse(Lines(
            "defaults d",
            "  mode http",
            "  timeout client 5s",
            "  http-request return status 201",
            "frontend fe from d",
            "  bind :8080",
            "  http-request return status 202"));

        Assert.Empty(result.Messages());
        Assert.Equal([201, 202], result.Config!.Frontends.Single().HttpRequestRules.Cast<HttpReturnRule>().Select(r => r.Status));
    }

    [Fact]
    public void ParseFile_Listen_IsSplitIntoAFrontendAndABackendOfTheSameName()
    {
        var result = Parse(Lines(
            "listen app",
            "  mode http",
            "  bind :8080",
            "  timeout client 5s",
            "  timeout connect 5s",
            "  timeout server 5s",
            "  http-request return status 200",
            "  server s1 127.0.0.1:80 weight 3"));

        Assert.Empty(result.Messages());
        var frontend = result.Config!.Frontends.Single();
        var backend = result.Config.Backends.Single();
        Assert.True(frontend.IsListen && backend.IsListen);
        Assert.Equal(("app", "app"), (frontend.Name, backend.Name));
        Assert.Equal(":8080", frontend.Binds.Single().Specification);
        Assert.Equal("app", frontend.DefaultBackend!.Name);
        Assert.Single(frontend.HttpRequestRules);
        Assert.Empty(backend.HttpRequestRules);
        Assert.Equal(3, backend.Servers.Single().Weight);
        Assert.Equal(ProxyMode.Http, backend.Mode);
    }

    [Fact]
    public void ParseFile_ListenWithDefaultBackend_KeepsTheNamedOne()
    {
        var result = Parse(Lines("listen li", "  bind :80", "  default_backend be", "backend be"));

        Assert.Equal("be", result.Config!.Frontends.Single().DefaultBackend!.Name);
    }

    [Fact]
    public void ParseFile_SeveralProxies_KeepDeclarationOrder()
    {
        var result = Parse(Lines("backend b1", "frontend f1", "  bind :1", "listen l1", "  bind :2", "backend b2", "frontend f2", "  bind :3"));

        Assert.Equal(["f1", "l1", "f2"], result.Config!.Frontends.Select(f => f.Name));
        Assert.Equal(["b1", "l1", "b2"], result.Config.Backends.Select(b => b.Name));
    }
}
