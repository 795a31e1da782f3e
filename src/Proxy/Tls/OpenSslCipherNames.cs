using System.Collections.Frozen;
using System.Net.Security;

namespace Proxy.Tls;

/// <summary>
/// OpenSSL cipher names (`ciphers`, TLS 1.2 and below) and TLS 1.3 suite names (`ciphersuites`) → .NET's
/// <see cref="TlsCipherSuite"/>. Cipher strings are expanded by the system's libssl (<see cref="OpenSslCipherString"/>);
/// this explicit-name table is only the fallback when libssl cannot be loaded, and then OpenSSL's keywords and
/// operators ("HIGH", "!aNULL", "+AES") are refused with a clear error rather than approximated.
/// </summary>
internal static class OpenSslCipherNames
{
    private static readonly FrozenDictionary<string, TlsCipherSuite> Tls12 = new Dictionary<string, TlsCipherSuite>
    {
        ["ECDHE-ECDSA-AES128-GCM-SHA256"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        ["ECDHE-RSA-AES128-GCM-SHA256"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        ["ECDHE-ECDSA-AES256-GCM-SHA384"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        ["ECDHE-RSA-AES256-GCM-SHA384"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        ["ECDHE-ECDSA-CHACHA20-POLY1305"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        ["ECDHE-RSA-CHACHA20-POLY1305"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        ["DHE-RSA-AES128-GCM-SHA256"] = TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        ["DHE-RSA-AES256-GCM-SHA384"] = TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        ["DHE-RSA-CHACHA20-POLY1305"] = TlsCipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        ["ECDHE-ECDSA-AES128-SHA256"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        ["ECDHE-RSA-AES128-SHA256"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
        ["ECDHE-ECDSA-AES256-SHA384"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
        ["ECDHE-RSA-AES256-SHA384"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        ["ECDHE-ECDSA-AES128-SHA"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        ["ECDHE-RSA-AES128-SHA"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        ["ECDHE-ECDSA-AES256-SHA"] = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        ["ECDHE-RSA-AES256-SHA"] = TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        ["AES128-GCM-SHA256"] = TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        ["AES256-GCM-SHA384"] = TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
        ["AES128-SHA256"] = TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
        ["AES256-SHA256"] = TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
        ["AES128-SHA"] = TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        ["AES256-SHA"] = TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, TlsCipherSuite> Tls13 = new Dictionary<string, TlsCipherSuite>
    {
        ["TLS_AES_128_GCM_SHA256"] = TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        ["TLS_AES_256_GCM_SHA384"] = TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        ["TLS_CHACHA20_POLY1305_SHA256"] = TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        ["TLS_AES_128_CCM_SHA256"] = TlsCipherSuite.TLS_AES_128_CCM_SHA256,
        ["TLS_AES_128_CCM_8_SHA256"] = TlsCipherSuite.TLS_AES_128_CCM_8_SHA256,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>OpenSSL 3's default TLS 1.3 suites, used when only `ciphers` is given.</summary>
    public static IReadOnlyList<TlsCipherSuite> DefaultTls13 { get; } =
        [TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_AES_128_GCM_SHA256];

    /// <summary>The modern TLS 1.2 suites, used when only `ciphersuites` is given.</summary>
    public static IReadOnlyList<TlsCipherSuite> DefaultTls12 { get; } = [.. Tls12.Values.Where(s => s.ToString().Contains("ECDHE", StringComparison.Ordinal))];

    /// <summary>The suites of a colon-separated list, or null with the first name that cannot be mapped.</summary>
    public static IReadOnlyList<TlsCipherSuite>? Map(string list, bool tls13, out string? unmapped)
    {
        unmapped = null;
        var table = tls13 ? Tls13 : Tls12;
        var suites = new List<TlsCipherSuite>();
        foreach (var name in list.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!table.TryGetValue(name, out var suite))
            {
                unmapped = name;
                return null;
            }

            suites.Add(suite);
        }

        return suites;
    }

    // null policy = the system's defaults. Only one half given: the other half keeps its usual modern suites.
    /// <summary>The policy for `ciphers` + `ciphersuites`; null = system defaults, or null with the list that cannot be mapped.</summary>
    public static CipherSuitesPolicy? Policy(string? ciphers, string? suites, out (string List, bool Tls13)? error)
    {
        error = null;
        if (ciphers is null && suites is null)
        {
            return null;
        }

        if (OperatingSystem.IsWindows())
        {
            error = (ciphers ?? suites!, ciphers is null);
            return null;
        }

        switch (OpenSslCipherString.Expand(ciphers, suites, out var expanded))
        {
            case OpenSslCipherString.Result.Expanded:
                return new CipherSuitesPolicy(expanded);
            case OpenSslCipherString.Result.CiphersRefused:
                error = (ciphers!, false);
                return null;
            case OpenSslCipherString.Result.SuitesRefused:
                error = (suites!, true);
                return null;
        }

        // libssl could not be loaded: explicit names only.
        var tls12 = ciphers is null ? DefaultTls12 : Map(ciphers, tls13: false, out _);
        if (tls12 is null)
        {
            error = (ciphers!, false);
            return null;
        }

        var tls13 = suites is null ? DefaultTls13 : Map(suites, tls13: true, out _);
        if (tls13 is null)
        {
            error = (suites!, true);
            return null;
        }

        return new CipherSuitesPolicy([.. tls13, .. tls12]);
    }
}
