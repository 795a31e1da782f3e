using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Proxy.Tls;

/// <summary>
/// Reads a `bind … ssl` line's certificates, crt-lists and TLS settings once (at start, and again on reload) into a
/// <see cref="BindTls"/>. Problems are diagnostics at the bind's file:line in haproxy 2.6's words.
/// </summary>
internal static class BindTlsLoader
{
    // TLS bind options accepted by the parser that this proxy does not apply (the handshake works without them).
    private static readonly string[] IgnoredOptions =
    [
        "curves", "ecdhe", "no-tls-tickets", "prefer-client-ciphers", "crl-file", "ca-ignore-err", "crt-ignore-err", "npn",
        "allow-0rtt", "ca-verify-file", "generate-certificates", "ca-sign-file", "ca-sign-pass", "tls-ticket-keys", "no-ca-names",
    ];

    // The keyword of the cipher alerts (binds' and servers'), so EndChecks can tell them from the rest.
    internal const string CipherKeyword = "ciphers";

    /// <summary>
    /// After every bind is loaded: haproxy 2.6 sets cipher lists in its post-parse checks, which end with "Fatal errors
    /// found in configuration." once when any failed (unless another check already ended so).
    /// </summary>
    public static void EndChecks(DiagnosticBag diagnostics, int itemsBefore)
    {
        const string Fatal = "Fatal errors found in configuration.";
        if (diagnostics.Items.Skip(itemsBefore).Any(d => d.Keyword == CipherKeyword) && diagnostics.Items[^1].Message != Fatal)
        {
            diagnostics.Alert(null, Fatal);
        }
    }

    /// <summary>The bind's TLS, null when the bind has no `ssl`, or null after reporting an alert.</summary>
    /// <param name="unsupported">Reports what this proxy cannot run yet (a warning under -c, a refusal at start).</param>
    public static BindTls? Load(
        BindDefinition bind, string sectionWord, string proxyName, GlobalSection global, DiagnosticBag diagnostics, TimeProvider time,
        Action<SourceLocation, string, string>? unsupported = null)
    {
        if (!bind.Ssl)
        {
            return null;
        }

        var prefix = $"'bind {bind.Specification}' in section '{sectionWord}' : ";
        var fatal = diagnostics.FatalCount;
        var settings = bind.OtherSettings;
        string? Setting(string keyword, string? globalKeyword = null)
            => settings.TryGetValue(keyword, out var value) ? value
                : globalKeyword is not null && global.SslDefaults.TryGetValue(globalKeyword, out var fallback) ? fallback : null;

        // ssl-default-bind-options may carry ssl-min-ver/ssl-max-ver/no-tlsvXX words.
        var globalOptions = global.SslDefaults.GetValueOrDefault("ssl-default-bind-options")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var min = settings.GetValueOrDefault("ssl-min-ver") ?? TlsVersions.After(globalOptions, "ssl-min-ver");
        var max = settings.GetValueOrDefault("ssl-max-ver") ?? TlsVersions.After(globalOptions, "ssl-max-ver");
        SslProtocols protocols = SslProtocols.None;
        if (min is not null || max is not null)
        {
            if (TlsVersions.Range(min, max, out var versionError) is not { } range)
            {
                diagnostics.Alert(bind.Location, prefix + versionError, "bind");
                return null;
            }

            protocols = range;
        }

        // no-tlsvXX / force-tlsvXX, on the bind or in ssl-default-bind-options, narrow the set.
        var flags = settings.Keys.Concat(globalOptions).ToHashSet(StringComparer.Ordinal);
        protocols = TlsVersions.Narrow(protocols, flags);
        if (protocols == TlsVersions.Disabled)
        {
            diagnostics.Alert(bind.Location, $"{prefix}all SSL/TLS versions are disabled.", "bind");
            return null;
        }

        foreach (var ignored in IgnoredOptions.Where(settings.ContainsKey))
        {
            diagnostics.Warning(bind.Location, $"{prefix}'{ignored}' is not applied by this proxy yet; it is ignored.", "bind");
        }

        var at = $"for bind '{bind.Specification}' at [{bind.Location.File}:{bind.Location.Line}]";
        var policy = OpenSslCipherNames.Policy(Setting("ciphers", "ssl-default-bind-ciphers"), Setting("ciphersuites", "ssl-default-bind-ciphersuites"),
            out var cipherError);
        if (cipherError is { } failed)
        {
            // haproxy 2.6 words it so for lists libssl refuses, and prints the text a second time on a bare line.
            var message = failed.Tls13
                ? $"Proxy '{proxyName}': unable to set TLS 1.3 cipher suites to '{failed.List}' {at}."
                : $"Proxy '{proxyName}': unable to set SSL cipher list to '{failed.List}' {at}.";
            diagnostics.Alert(null, $"{message}\n{message}", CipherKeyword);
            return null;
        }

        var client = ClientCertificatePolicy.Load(bind, settings, prefix, diagnostics);
        if (diagnostics.FatalCount > fatal)
        {
            return null;
        }

        var alpn = Alpn(bind.Alpn);
        var entries = new List<(string Name, SslServerAuthenticationOptions Options)>();
        SslServerAuthenticationOptions? first = null;
        void Add(CertificateFile file, IReadOnlyList<string> filters)
        {
            var options = new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(file.Leaf, file.Chain, offline: true),
                EnabledSslProtocols = protocols,
                CipherSuitesPolicy = policy,
                ApplicationProtocols = alpn,
                ClientCertificateRequired = client?.Requested ?? false,
                RemoteCertificateValidationCallback = client is null ? null : client.Validate,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            };
            first ??= options;
            var negatives = filters.Where(f => f.StartsWith('!')).Select(f => f[1..]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var positives = filters.Where(f => !f.StartsWith('!')).ToList();
            foreach (var name in (positives.Count > 0 ? positives : file.Names()).Where(n => !negatives.Contains(n)))
            {
                entries.Add((name, options));
            }

            if (file.Leaf.NotAfter.ToUniversalTime() < time.GetUtcNow().UtcDateTime)
            {
                diagnostics.Warning(bind.Location, $"{prefix}certificate '{file.Path}' has expired ({file.Leaf.NotAfter:u}).", "bind");
            }
        }

        foreach (var path in bind.Certificates)
        {
            foreach (var file in CertificateFile.Expand(path))
            {
                if (Load(file, bind, prefix, diagnostics) is { } loaded)
                {
                    Add(loaded, []);
                }
            }
        }

        foreach (var list in bind.CertificateLists)
        {
            var lines = CrtListEntry.Read(list, global.CrtBase, out var bracketed);
            foreach (var entry in lines)
            {
                if (Load(entry.Path, bind, prefix, diagnostics) is { } loaded)
                {
                    Add(loaded, entry.Filters);
                }
            }

            if (bracketed is { } line)
            {
                var message = $"{prefix}crt-list '{list}' line {line.Line}: per-certificate SSL options in brackets are not run by this proxy yet.";
                if (unsupported is null)
                {
                    diagnostics.Alert(bind.Location, message, "bind");
                }
                else
                {
                    unsupported(bind.Location, message, "bind");
                }
            }
        }

        if (diagnostics.FatalCount > fatal)
        {
            return null;
        }

        if (first is null)
        {
            // No certificate at all was refused while parsing (ConfigValidator); nothing to serve.
            return null;
        }

        var strict = settings.ContainsKey("strict-sni");
        var map = new SniMap<SslServerAuthenticationOptions>(entries, strict ? null : first);
        var http = alpn.Contains(SslApplicationProtocol.Http2)
            ? alpn.Contains(SslApplicationProtocol.Http11) ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2
            : HttpProtocols.Http1;
        return new BindTls(map, http, client);
    }

    private static CertificateFile? Load(string path, BindDefinition bind, string prefix, DiagnosticBag diagnostics)
    {
        if (CertificateFile.Load(path, out var error) is { } loaded)
        {
            return loaded;
        }

        diagnostics.Alert(bind.Location, prefix + error, "bind");
        return null;
    }


    // haproxy 2.6 advertises no ALPN unless `alpn` is set. An empty list (not null) keeps Kestrel from filling in its own.
    private static List<SslApplicationProtocol> Alpn(string? alpn)
        => alpn is null ? [] : [.. alpn.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new SslApplicationProtocol(p))];
}
