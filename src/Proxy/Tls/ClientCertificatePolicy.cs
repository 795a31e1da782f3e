using System.Net.Security;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

namespace Proxy.Tls;

/// <summary>
/// `verify none|optional|required` with `ca-file` on a bind: whether a client certificate is asked for, and whether
/// the one presented chains to the CA file (haproxy 2.6 ssl_sock_bind_verifycbk; no revocation list is consulted).
/// </summary>
internal sealed class ClientCertificatePolicy(string mode, X509Certificate2Collection authorities)
{
    // A chain build costs far more than a request; the handshake's check answers every later `ssl_c_verify` on the
    // connection (Kestrel hands out the same certificate object), and the entry goes with the certificate.
    private readonly ConditionalWeakTable<X509Certificate, StrongBox<int>> _verdicts = [];

    /// <summary>`none` (the default), `optional` or `required`.</summary>
    public string Mode { get; } = mode;

    public bool Requested => Mode != "none";

    /// <summary>The handshake's certificate check.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        => certificate is null ? Mode != "required" : Chains(certificate) == 0;

    /// <summary>0 when <paramref name="certificate"/> chains to the CA file, else an X509 error code (`ssl_c_verify`).</summary>
    public int Chains(X509Certificate certificate)
    {
        if (_verdicts.TryGetValue(certificate, out var known))
        {
            return known.Value;
        }

        var verdict = Build(certificate);
        _verdicts.AddOrUpdate(certificate, new StrongBox<int>(verdict));
        return verdict;
    }

    private int Build(X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        if (chain.Build(leaf))
        {
            return 0;
        }

        // OpenSSL's codes for the usual failures: 10 expired, 18/19 self-signed, 20 unknown issuer.
        var status = chain.ChainStatus.Select(s => s.Status).FirstOrDefault();
        return status switch
        {
            X509ChainStatusFlags.NotTimeValid => 10,
            X509ChainStatusFlags.UntrustedRoot => 19,
            _ => 20,
        };
    }

    /// <summary>The bind's policy; null for `verify none` (the default), or null after an alert.</summary>
    public static ClientCertificatePolicy? Load(BindDefinition bind, IReadOnlyDictionary<string, string> settings, string prefix, DiagnosticBag diagnostics)
    {
        var mode = settings.GetValueOrDefault("verify") ?? "none";
        if (mode is not ("none" or "optional" or "required"))
        {
            diagnostics.Alert(bind.Location, $"{prefix}'verify' : unknown verify method '{mode}', only 'none', 'optional', and 'required' are supported", "bind");
            return null;
        }

        var caFile = settings.GetValueOrDefault("ca-file");
        var authorities = new X509Certificate2Collection();
        if (caFile is not null)
        {
            // haproxy 2.6 reads the CA file while parsing, whatever verify says.
            try
            {
                authorities.ImportFromPemFile(caFile);
                if (authorities.Count == 0)
                {
                    throw new System.Security.Cryptography.CryptographicException("no certificate");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                diagnostics.Alert(bind.Location, $"{prefix}'ca-file' : unable to load {caFile}", "bind");
                return null;
            }
        }

        if (mode == "none")
        {
            return null;
        }

        if (caFile is null)
        {
            // Refused while parsing (ConfigParser TlsChecks): verify needs a CA file.
            return null;
        }

        return new ClientCertificatePolicy(mode, authorities);
    }
}
