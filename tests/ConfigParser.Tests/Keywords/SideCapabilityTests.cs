using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Keywords;

/// <summary>
/// Keywords and options that act on one side of a proxy (and some with too many arguments), placed in a frontend and
/// in a backend: the warnings and alerts about line 3 (newline-separated) are what `haproxy -c` 2.6.12 printed for the same file.
/// </summary>
public sealed class SideCapabilityTests
{
    [Theory]
    [InlineData("frontend", "option dontlognull", "")]
    [InlineData("frontend", "option httplog", "")]
    [InlineData("frontend", "option tcplog", "")]
    [InlineData("frontend", "option httpchk", "[WARNING] parsing [t.cfg:3] : 'httpchk' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "option redispatch", "[WARNING] parsing [t.cfg:3] : 'redispatch' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "option allbackups", "[WARNING] parsing [t.cfg:3] : 'allbackups' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "backlog 10", "")]
    [InlineData("frontend", "retry-on all-retryable-errors", "[ALERT] parsing [t.cfg:3] : 'retry-on' only available in backend or listen section")]
    [InlineData("frontend", "dispatch 1.2.3.4:80", "[WARNING] parsing [t.cfg:3] : 'dispatch' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "use-server s if TRUE", "[WARNING] parsing [t.cfg:3] : 'use-server' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "max-keep-alive-queue 1", "[WARNING] parsing [t.cfg:3] : max-keep-alive-queue will be ignored because frontend 'p' has no backend capability")]
    [InlineData("frontend", "max-session-srv-conns 1", "")]
    [InlineData("frontend", "log-format x", "")]
    [InlineData("frontend", "declare capture request len 3", "")]
    [InlineData("frontend", "monitor-uri /x", "")]
    [InlineData("frontend", "maxconn 10", "")]
    [InlineData("frontend", "retries 3", "[WARNING] parsing [t.cfg:3] : 'retries' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "cookie X insert", "[WARNING] parsing [t.cfg:3] : 'cookie' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "fullconn 10", "[WARNING] parsing [t.cfg:3] : 'fullconn' ignored because frontend 'p' has no backend capability. Maybe you want 'maxconn' instead ?")]
    [InlineData("frontend", "hash-type consistent", "[WARNING] parsing [t.cfg:3] : 'hash-type' ignored because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "default-server inter 1s", "[ALERT] [t.cfg:3] : parsing [t.cfg:3] : 'default-server' not allowed because frontend 'p' has no backend capability.")]
    [InlineData("frontend", "timeout server 1s", "[WARNING] parsing [t.cfg:3] : 'timeout server' will be ignored because frontend 'p' has no backend capability")]
    [InlineData("frontend", "timeout client 1s", "")]
    [InlineData("frontend", "monitor-uri 1 2", "[ALERT] parsing [t.cfg:3] : 'monitor-uri' cannot handle unexpected argument '2'.")]
    [InlineData("frontend", "id 1 2", "[ALERT] parsing [t.cfg:3] : 'id' cannot handle unexpected argument '2'.")]
    [InlineData("frontend", "disabled 1 2", "[ALERT] parsing [t.cfg:3] : 'disabled' cannot handle unexpected argument '1'.")]
    [InlineData("frontend", "enabled 1 2", "[ALERT] parsing [t.cfg:3] : 'enabled' cannot handle unexpected argument '1'.")]
    [InlineData("frontend", "server-state-file-name 1 2", "[WARNING] parsing [t.cfg:3] : 'server-state-file-name' ignored because frontend 'p' has no backend capability.\n[ALERT] parsing [t.cfg:3] : 'server-state-file-name' cannot handle unexpected argument '2'.")]
    [InlineData("frontend", "retries 1 2", "[WARNING] parsing [t.cfg:3] : 'retries' ignored because frontend 'p' has no backend capability.\n[ALERT] parsing [t.cfg:3] : 'retries' cannot handle unexpected argument '2'.")]
    [InlineData("frontend", "transparent 1 2", "[ALERT] parsing [t.cfg:3] : 'transparent' cannot handle unexpected argument '1'.")]
    [InlineData("frontend", "maxconn 1 2", "[ALERT] parsing [t.cfg:3] : 'maxconn' cannot handle unexpected argument '2'.")]
    [InlineData("frontend", "backlog 1 2", "[ALERT] parsing [t.cfg:3] : 'backlog' cannot handle unexpected argument '2'.")]
    [InlineData("frontend", "fullconn 1 2", "[WARNING] parsing [t.cfg:3] : 'fullconn' ignored because frontend 'p' has no backend capability. Maybe you want 'maxconn' instead ?\n[ALERT] parsing [t.cfg:3] : 'fullconn' cannot handle unexpected argument '2'.")]
    [InlineData("backend", "option dontlognull", "[WARNING] parsing [t.cfg:3] : 'dontlognull' ignored because backend 'p' has no frontend capability.")]
    [InlineData("backend", "option httplog", "[WARNING] parsing [t.cfg:3] : backend 'p' : 'option httplog' directive is ignored in backends.")]
    [InlineData("backend", "option tcplog", "[WARNING] parsing [t.cfg:3] : backend 'p' : 'option tcplog' directive is ignored in backends.")]
    [InlineData("backend", "option httpchk", "")]
    [InlineData("backend", "option redispatch", "")]
    [InlineData("backend", "option allbackups", "")]
    [InlineData("backend", "backlog 10", "[WARNING] parsing [t.cfg:3] : 'backlog' ignored because backend 'p' has no frontend capability.")]
    [InlineData("backend", "retry-on all-retryable-errors", "")]
    [InlineData("backend", "dispatch 1.2.3.4:80", "")]
    [InlineData("backend", "use-server s if TRUE", "")]
    [InlineData("backend", "max-keep-alive-queue 1", "")]
    [InlineData("backend", "max-session-srv-conns 1", "[WARNING] parsing [t.cfg:3] : 'max-session-srv-conns' ignored because backend 'p' has no frontend capability.")]
    [InlineData("backend", "log-format x", "[WARNING] parsing [t.cfg:3] : backend 'p' : 'log-format' directive is ignored in backends.")]
    [InlineData("backend", "declare capture request len 3", "[ALERT] parsing [t.cfg:3] : 'declare' only available in frontend or listen section")]
    [InlineData("backend", "monitor-uri /x", "[WARNING] parsing [t.cfg:3] : 'monitor-uri' ignored because backend 'p' has no frontend capability.")]
    [InlineData("backend", "maxconn 10", "[WARNING] parsing [t.cfg:3] : 'maxconn' ignored because backend 'p' has no frontend capability. Maybe you want 'fullconn' instead ?")]
    [InlineData("backend", "retries 3", "")]
    [InlineData("backend", "cookie X insert", "")]
    [InlineData("backend", "fullconn 10", "")]
    [InlineData("backend", "hash-type consistent", "")]
    [InlineData("backend", "default-server inter 1s", "")]
    [InlineData("backend", "timeout server 1s", "")]
    [InlineData("backend", "timeout client 1s", "[WARNING] parsing [t.cfg:3] : 'timeout client' will be ignored because backend 'p' has no frontend capability")]
    [InlineData("backend", "monitor-uri 1 2", "[WARNING] parsing [t.cfg:3] : 'monitor-uri' ignored because backend 'p' has no frontend capability.\n[ALERT] parsing [t.cfg:3] : 'monitor-uri' cannot handle unexpected argument '2'.")]
    [InlineData("backend", "id 1 2", "[ALERT] parsing [t.cfg:3] : 'id' cannot handle unexpected argument '2'.")]
    [InlineData("backend", "disabled 1 2", "[ALERT] parsing [t.cfg:3] : 'disabled' cannot handle unexpected argument '1'.")]
    [InlineData("backend", "enabled 1 2", "[ALERT] parsing [t.cfg:3] : 'enabled' cannot handle unexpected argument '1'.")]
    [InlineData("backend", "server-state-file-name 1 2", "[ALERT] parsing [t.cfg:3] : 'server-state-file-name' cannot handle unexpected argument '2'.")]
    [InlineData("backend", "retries 1 2", "[ALERT] parsing [t.cfg:3] : 'retries' cannot handle unexpected argument '2'.")]
    [InlineData("backend", "transparent 1 2", "[ALERT] parsing [t.cfg:3] : 'transparent' cannot handle unexpected argument '1'.")]
    [InlineData("backend", "maxconn 1 2", "[WARNING] parsing [t.cfg:3] : 'maxconn' ignored because backend 'p' has no frontend capability. Maybe you want 'fullconn' instead ?\n[ALERT] parsing [t.cfg:3] : 'maxconn' cannot handle unexpected argument '2'.")]
    [InlineData("backend", "backlog 1 2", "[WARNING] parsing [t.cfg:3] : 'backlog' ignored because backend 'p' has no frontend capability.\n[ALERT] parsing [t.cfg:3] : 'backlog' cannot handle unexpected argument '2'.")]
    [InlineData("backend", "fullconn 1 2", "[ALERT] parsing [t.cfg:3] : 'fullconn' cannot handle unexpected argument '2'.")]
    public void Parse_OneSidedKeyword_ReportsAsHaproxy(string section, string line, string expected)
    {
        var result = Parse(Lines($"{section} p", "  mode http", "  " + line));

        var messages = result.Messages().Where(m => m.Contains("t.cfg:3]", StringComparison.Ordinal) && !m.Contains("is not implemented by this proxy yet", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join("\n", messages));
    }
}
