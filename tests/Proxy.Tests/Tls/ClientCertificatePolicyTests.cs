using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Proxy.Tls;

namespace Proxy.Tests.Tls;

public sealed class ClientCertificatePolicyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30));
    }

    private static X509Certificate2 Client(X509Certificate2 issuer, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        return request.Create(issuer, Now.AddHours(-1), Now.AddDays(7), [1, 2, 3, 4]);
    }

    [Fact]
    public void Chains_IssuedByTheCaFile_ReturnsZero()
    {
        using var authority = Authority("ca");
        using var client = Client(authority, "alice");
        var policy = new ClientCertificatePolicy("required", [authority]);

        Assert.Equal(0, policy.Chains(client));
    }

    [Fact]
    public void Chains_IssuedByAnotherAuthority_ReturnsUnknownIssuer()
    {
        using var authority = Authority("ca");
        using var other = Authority("other");
        using var client = Client(other, "mallory");
        var policy = new ClientCertificatePolicy("required", [authority]);

        Assert.NotEqual(0, policy.Chains(client));
    }

    [Fact]
    public void Chains_SameCertificateAgain_AnswersFromTheFirstCheck()
    {
        // ssl_c_verify may be read on every request of the connection; the handshake's chain build answers them all.
        using var authority = Authority("ca");
        using var client = Client(authority, "alice");
        var authorities = new X509Certificate2Collection(authority);
        var policy = new ClientCertificatePolicy("required", authorities);
        Assert.Equal(0, policy.Chains(client));

        authorities.Clear();

        Assert.Equal(0, policy.Chains(client));
        using var copy = X509CertificateLoader.LoadCertificate(client.RawData);
        Assert.NotEqual(0, policy.Chains(copy));
    }

    [Theory]
    [InlineData("required", false)]
    [InlineData("optional", true)]
    public void Validate_NoCertificate_FollowsTheMode(string mode, bool accepted)
    {
        using var authority = Authority("ca");
        var policy = new ClientCertificatePolicy(mode, [authority]);

        Assert.Equal(accepted, policy.Validate(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }
}
