using ConfigParser;
using ConfigParser.Diagnostics;
using Proxy.Hosting;

namespace Proxy.Tests.Hosting;

public class StartupPolicyTests
{
    private const string Defaults = "defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n";

    private static IReadOnlyList<ConfigDiagnostic> Blocking(string frontendLines)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", Defaults + "frontend fe\n bind 127.0.0.1:8080\n" + frontendLines)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        return StartupPolicy.Blocking(parsed.Config!, parsed.Diagnostics);
    }

    [Theory]
    [InlineData(" http-request tarpit\n", "'http-request tarpit'")]
    [InlineData(" http-response redirect location /x\n", "'http-response redirect'")]
    [InlineData(" tcp-request content accept\n", "'tcp-request content'")]
    [InlineData(" force-persist if TRUE\n", "'force-persist'")]
    [InlineData(" http-after-response set-header X-A b\n", "'http-after-response set-header'")]
    public void Blocking_RuleOrClientAddressOption_RefusesAtItsLine(string line, string directive)
    {
        var alert = Assert.Single(Blocking(line));

        Assert.Equal(DiagnosticSeverity.Alert, alert.Severity);
        Assert.Equal(new SourceLocation("t.cfg", 8), alert.Location);
        Assert.StartsWith(directive + " is not run by this proxy yet", alert.Message);
    }

    [Theory]
    [InlineData(" option httplog\n")]
    [InlineData(" log 127.0.0.1 local0\n")]
    [InlineData(" timeout http-request 5s\n")]
    [InlineData(" capture request header Host len 32\n")]
    [InlineData(" http-request deny\n")]
    [InlineData(" http-request set-header X-A b\n")]
    [InlineData(" http-response del-header Server\n")]
    [InlineData(" option forwardfor\n")]
    [InlineData(" redirect scheme https\n")]
    [InlineData(" option http-server-close\n")]
    [InlineData(" option originalto\n")]
    public void Blocking_LoggingTuningOrRunRules_DoesNotRefuse(string line)
    {
        Assert.Empty(Blocking(line));
    }
}
