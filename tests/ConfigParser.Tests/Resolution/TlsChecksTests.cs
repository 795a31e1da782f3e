using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Resolution;

/// <summary>Post-parse TLS checks; the expected lines are what `haproxy -c` printed for the same text.</summary>
public sealed class TlsChecksTests
{
    private static readonly string[] Timeouts = ["defaults", "  timeout connect 5s", "  timeout client 5s", "  timeout server 5s"];

    private const string ServerAdvice =
        "verify is enabled by default but no CA file specified. If you're running on a LAN where you're certain to trust the server's " +
        "certificate, please set an explicit 'verify none' statement on the 'server' line, or use 'ssl-server-verify none' in the global " +
        "section to disable server-side verifications by default.";

    [Theory]
    [InlineData("")]
    [InlineData(" verify required")]
    public void CheckServers_VerifyingWithoutCaFile_IsFatalAtTheServer(string verify)
    {
        var result = Parse(Lines([.. Timeouts, "backend be", $"  server s1 127.0.0.1:443 ssl{verify}"]));

        Assert.Equal([$"[ALERT] [t.cfg:6] : 'server be/s1' : {ServerAdvice}", "[ALERT] Fatal errors found in configuration."], result.Messages());
    }

    [Theory]
    [InlineData("", " verify none")]
    [InlineData("", " ca-file /etc/ssl/certs/ca-certificates.crt")]
    [InlineData("ssl-server-verify none", "")]
    public void CheckServers_NotVerifyingOrWithCaFile_IsAccepted(string global, string settings)
    {
        var result = Parse(Lines(["global", $"  {global}", .. Timeouts, "backend be", $"  server s1 127.0.0.1:443 ssl{settings}"]));

        Assert.True(result.IsValid, string.Join("\n", result.Messages()));
    }

    [Fact]
    public void Build_SslDefaultsAndCrtBase_AreKeptForTheRuntime()
    {
        var result = Parse(Lines(["global", "  crt-base /etc/ssl/private", "  ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256",
            "  ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets", "  ssl-server-verify none"]));

        var global = result.Config!.Global;
        Assert.Equal("/etc/ssl/private", global.CrtBase);
        Assert.Equal("ECDHE-RSA-AES128-GCM-SHA256", global.SslDefaults["ssl-default-bind-ciphers"]);
        Assert.Equal("ssl-min-ver TLSv1.2 no-tls-tickets", global.SslDefaults["ssl-default-bind-options"]);
        Assert.Equal("none", global.SslDefaults["ssl-server-verify"]);
    }
}
