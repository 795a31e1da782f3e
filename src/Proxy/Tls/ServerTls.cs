using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Tls;

namespace Proxy.Tls;

/// <summary>
/// `server … ssl [verify none|required] [ca-file F] [sni EXPR] [crt F] [alpn L]` → the client-side TLS of a backend.
/// haproxy 2.6: verify defaults to required unless `ssl-server-verify none`; the certificate's name is checked only
/// when `sni` is set (against the SNI sent); without `sni` no SNI is sent. `sni req.hdr(host)` servers use the pool's
/// TLS (SocketsHttpHandler sends the Host header as SNI and keys connections by it), so those of one backend must
/// agree; the others (no `sni`, `sni str(NAME)`) get their own handshake at connect time (<see cref="ServerTlsConnector"/>).
/// </summary>
internal sealed class ServerTls
{
    // The untyped server keywords that shape its TLS.
    private static readonly string[] TlsKeywords =
    [
        "ciphers", "ciphersuites", "ssl-min-ver", "ssl-max-ver", "no-tlsv10", "no-tlsv11", "no-tlsv12", "no-tlsv13",
        "force-tlsv10", "force-tlsv11", "force-tlsv12", "force-tlsv13",
    ];

    private readonly X509Certificate2Collection? _authorities;
    private readonly bool _verify;
    private readonly bool _checkName;

    private ServerTls(bool verify, X509Certificate2Collection? authorities, bool checkName)
    {
        _verify = verify;
        _authorities = authorities;
        _checkName = checkName;
    }

    /// <summary>True when the server's SNI is the request's Host header: it is reached over https with the pool's TLS.</summary>
    public static bool SniFromHost(ServerDefinition server)
        => server.Ssl && (string.Equals(server.Sni, "req.hdr(host)", StringComparison.OrdinalIgnoreCase) || string.Equals(server.Sni, "hdr(host)", StringComparison.OrdinalIgnoreCase));

    /// <summary>The constant of `sni str(NAME)`; null for other expressions.</summary>
    public static string? ConstantSni(string? sni)
        => sni is { Length: > 5 } && sni.StartsWith("str(", StringComparison.Ordinal) && sni.EndsWith(')') ? sni[4..^1].Trim('"', '\'') : null;

    /// <summary>The TLS of <paramref name="backend"/>'s `ssl` servers; null when none uses `ssl` or after an alert.</summary>
    public static BackendTls? ForBackend(
        BackendSection backend, GlobalSection global, DiagnosticBag diagnostics, Action<SourceLocation, string, string> unsupported)
    {
        var servers = backend.Servers.Where(s => s.Ssl).ToList();
        if (servers.Count == 0)
        {
            return null;
        }

        var pooled = servers.Where(SniFromHost).ToList();
        foreach (var other in pooled.Skip(1).Where(s => Settings(s) != Settings(pooled[0])))
        {
            unsupported(other.Location, $"'server {backend.Name}/{other.Name}': TLS settings differing from 'server {backend.Name}/{pooled[0].Name}' (both 'sni req.hdr(host)') in the same backend are not run by this proxy yet.", "server");
        }

        var fatal = diagnostics.FatalCount;
        SslClientAuthenticationOptions? pool = null;
        var connectTime = new List<(string, int?, SslClientAuthenticationOptions)>();
        foreach (var server in servers)
        {
            if (server.Sni is { } sni && !SniFromHost(server) && ConstantSni(sni) is null)
            {
                unsupported(server.Location, $"'server {backend.Name}/{server.Name}': 'sni {sni}' is not run by this proxy yet (only 'sni req.hdr(host)' and 'sni str(NAME)').", "server");
            }

            if (server.Alpn is { } alpn && alpn.Split(',').Any(p => p != "http/1.1"))
            {
                unsupported(server.Location, $"'server {backend.Name}/{server.Name}': 'alpn {alpn}' is not run by this proxy yet (servers are spoken to in HTTP/1.1).", "server");
            }

            var ciphers = Ciphers(server, backend.Name, global, diagnostics);
            if (SniFromHost(server) && pool is not null)
            {
                continue;
            }

            if (Options(server, backend.Name, global, diagnostics, unsupported) is not { } options)
            {
                continue;
            }

            options.CipherSuitesPolicy = ciphers;
            if (SniFromHost(server))
            {
                pool = options;
            }
            else
            {
                options.TargetHost = ConstantSni(server.Sni) ?? "";
                options.ApplicationProtocols = [SslApplicationProtocol.Http11];
                connectTime.Add((server.Host, server.Port, options));
            }
        }

        return diagnostics.FatalCount > fatal ? null : new BackendTls(pool, connectTime.Count == 0 ? null : new ServerTlsConnector(connectTime));
    }

    private static (string?, string?, string?, string?, string) Settings(ServerDefinition s)
        => (s.Verify, s.CaFile, s.Alpn, s.Certificate, string.Join(' ', TlsKeywords.Select(k => $"{k}={s.OtherSettings.GetValueOrDefault(k)}")));

    // `ciphers` / `ciphersuites` (else the global ssl-default-server-* ones), expanded by libssl as for binds. haproxy
    // 2.6 reports both lists when both fail, the location only on the server's first message. Null = the defaults.
    private static CipherSuitesPolicy? Ciphers(ServerDefinition server, string backend, GlobalSection global, DiagnosticBag diagnostics)
    {
        var ciphers = server.OtherSettings.GetValueOrDefault("ciphers") ?? global.SslDefaults.GetValueOrDefault("ssl-default-server-ciphers");
        var suites = server.OtherSettings.GetValueOrDefault("ciphersuites") ?? global.SslDefaults.GetValueOrDefault("ssl-default-server-ciphersuites");
        var located = false;
        foreach (var (list, tls13) in new[] { (ciphers, false), (suites, true) })
        {
            if (list is not null && (tls13 ? OpenSslCipherNames.Policy(null, list, out var error) : OpenSslCipherNames.Policy(list, null, out error)) is null && error is not null)
            {
                var message = tls13 ? $"unable to set TLS 1.3 cipher suites to '{list}'." : $"unable to set SSL cipher list to '{list}'.";
                diagnostics.Alert(located ? null : server.Location, located ? message : $"'server {backend}/{server.Name}' : {message}",
                    BindTlsLoader.CipherKeyword, LocationPrefix.Bracket);
                located = true;
            }
        }

        return located ? null : OpenSslCipherNames.Policy(ciphers, suites, out _);
    }

    // One server's options: verification, CA file and client certificate (verify without ca-file was refused while
    // parsing, ConfigParser TlsChecks). Null after an alert.
    private static SslClientAuthenticationOptions? Options(
        ServerDefinition server, string backend, GlobalSection global, DiagnosticBag diagnostics, Action<SourceLocation, string, string> unsupported)
    {
        var fatal = diagnostics.FatalCount;
        var authorities = LoadAuthorities(server, backend, diagnostics);
        string? error = null;
        var client = server.Certificate is { } crt ? CertificateFile.Load(crt, out error) : null;
        if (server.Certificate is not null && client is null)
        {
            diagnostics.Alert(server.Location, $"'server {backend}/{server.Name}' : {error}", "server", LocationPrefix.Bracket);
        }

        if (diagnostics.FatalCount > fatal)
        {
            return null;
        }

        var protocols = TlsVersions.ForServer(server.OtherSettings, global.SslDefaults.GetValueOrDefault("ssl-default-server-options"));
        if (protocols == TlsVersions.Disabled)
        {
            // haproxy 2.6 accepts it (-c passes) and fails every connection; this proxy does not run it.
            unsupported(server.Location, $"'server {backend}/{server.Name}': every SSL/TLS version is disabled; this is not run by this proxy.", "server");
            return null;
        }

        var verify = server.Verify ?? (global.SslDefaults.GetValueOrDefault("ssl-server-verify") == "none" ? "none" : "required");
        var tls = new ServerTls(verify == "required", authorities, checkName: server.Sni is not null);
        return new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = tls.Validate,
            ClientCertificates = client is null ? null : [client.Leaf, .. client.Chain],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            EnabledSslProtocols = protocols,
        };
    }

    private static X509Certificate2Collection? LoadAuthorities(ServerDefinition server, string backend, DiagnosticBag diagnostics)
    {
        if (server.CaFile is null or "@system-ca")
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(server.CaFile);
            return authorities;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            diagnostics.Alert(server.Location, $"'server {backend}/{server.Name}' : 'ca-file' : unable to load {server.CaFile}", "server", LocationPrefix.Bracket);
            return null;
        }
    }

    /// <summary>The server certificate check: the chain ends at the CA file (or the system store), the name only with `sni`.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (!_verify)
        {
            return true;
        }

        if (certificate is null || (_checkName && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)))
        {
            return false;
        }

        if (_authorities is null)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        return custom.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}
