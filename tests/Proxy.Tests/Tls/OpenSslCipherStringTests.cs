using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using Proxy.Tls;

namespace Proxy.Tests.Tls;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class OpenSslCipherStringTests
{
    // `openssl ciphers -V` prints one suite a line: "0x13,0x02 - TLS_AES_256_GCM_SHA384 TLSv1.3 Kx=any …".
    private static List<TlsCipherSuite> OpenSslCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ciphers", "-V" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(10_000));
        Assert.Equal(0, process.ExitCode);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0].Split(','))
            .Select(id => (TlsCipherSuite)((int.Parse(id[0][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) << 8)
                | int.Parse(id[1][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)))];
    }

    [Theory]
    [InlineData("ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES256:ECDH+AES128:!aNULL:!SHA1:!AESCCM")]
    [InlineData("HIGH:!aNULL:!MD5")]
    [InlineData("DEFAULT")]
    [InlineData("HIGH:@STRENGTH")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256:BOGUS:AES256-SHA")]
    [InlineData("kEECDH+aRSA+AES:!SHA1:+AES128")]
    public void Expand_CipherString_MatchesTheOpenSslCli(string ciphers)
    {
        var result = OpenSslCipherString.Expand(ciphers, null, out var expanded);

        Assert.Equal(OpenSslCipherString.Result.Expanded, result);
        Assert.NotEmpty(expanded);
        Assert.Equal(OpenSslCli(ciphers), expanded);
    }

    [Fact]
    public void Expand_CipherSuites_MatchesTheOpenSslCli()
    {
        var result = OpenSslCipherString.Expand("ECDHE+AESGCM", "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256", out var expanded);

        Assert.Equal(OpenSslCipherString.Result.Expanded, result);
        Assert.Equal(OpenSslCli("-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256", "ECDHE+AESGCM"), expanded);
        Assert.Equal(TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, expanded[0]);
    }

    [Theory]
    [InlineData("PROFILE=SYSTEM")] // Red Hat's extension; Debian's OpenSSL (and so haproxy -c here) refuses it.
    [InlineData("BOGUS")]
    [InlineData("!ALL")]
    public void Expand_StringLibSslRefuses_IsCiphersRefused(string ciphers)
    {
        Assert.Equal(OpenSslCipherString.Result.CiphersRefused, OpenSslCipherString.Expand(ciphers, null, out var expanded));
        Assert.Empty(expanded);
    }

    [Fact]
    public void Expand_BadSuiteName_IsSuitesRefused()
    {
        Assert.Equal(OpenSslCipherString.Result.SuitesRefused, OpenSslCipherString.Expand(null, "TLS_BOGUS", out _));
    }

    [Fact]
    public void Policy_KeywordString_BuildsAPolicyWithTheExpandedSuites()
    {
        var policy = OpenSslCipherNames.Policy("ECDH+AESGCM:!aNULL", null, out var error);

        Assert.Null(error);
        Assert.NotNull(policy);
        Assert.Contains(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, policy.AllowedCipherSuites!);
        Assert.DoesNotContain(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, policy.AllowedCipherSuites!);
    }

    [Fact]
    public void Policy_AllCiphers_AcceptsEverySuiteLibSslKnows()
    {
        var policy = OpenSslCipherNames.Policy("ALL:COMPLEMENTOFALL", null, out var error);

        Assert.Null(error);
        Assert.Equal(OpenSslCli("ALL:COMPLEMENTOFALL").Count, policy!.AllowedCipherSuites!.Count());
    }
}
