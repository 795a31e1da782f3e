using Microsoft.AspNetCore.Http;
using Proxy.Http;
using Proxy.Http.LogFormat;
using Proxy.Hosting;
using Proxy.Runtime;

namespace Proxy.Tests.Http;

public class UseBackendSwitchTests
{
    [Theory]
    [InlineData("a.example", "be_a")]
    [InlineData("B.EXAMPLE", "be_b")]
    [InlineData("c.example", null)]
    public void Resolve_DynamicName_BackendByNameOrNone(string host, string? expected)
    {
        var backends = new Dictionary<string, BackendState> { ["be_a"] = Backend("be_a"), ["be_b"] = Backend("be_b") };
        var name = LogFormatCompiler.Compile("be_%[req.hdr(host),lower,field(1,.)]", out _)!;
        var rule = new UseBackendSwitch(null, name, backends);
        var context = new DefaultHttpContext();
        context.Request.Headers.Host = host;

        Assert.Equal(expected, rule.Resolve(context)?.Name);
        Assert.Equal(["be_a", "be_b"], rule.Targets.Select(b => b.Name));
    }

    [Fact]
    public void Resolve_StaticName_AlwaysItsBackend()
    {
        var rule = new UseBackendSwitch(null, Backend("web"));

        Assert.Equal("web", rule.Resolve(new DefaultHttpContext())?.Name);
    }

    private static BackendState Backend(string name)
    {
        var parsed = ConfigParser.HaproxyConfigLoader.Parse([new ConfigParser.ConfigSource("t.cfg",
            $"defaults\n mode http\nfrontend fe\n bind 127.0.0.1:1\n default_backend {name}\nbackend {name}\n server s 127.0.0.1:2\n")]);
        return RuntimeBuilder.Build(parsed.Config!, new ConfigParser.Diagnostics.DiagnosticBag())!.Backends.Single();
    }
}
