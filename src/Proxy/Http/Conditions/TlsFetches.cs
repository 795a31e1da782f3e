using ConfigParser.Model.Conditions;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Proxy.Http.Conditions;

/// <summary>
/// The front connection's TLS fetches (haproxy 2.6 §7.3.4): `ssl_fc`, `ssl_c_used`, `ssl_c_verify` (integers) and
/// `ssl_fc_sni`, `ssl_fc_protocol`, `ssl_c_s_dn` (text), read from Kestrel's TLS features.
/// </summary>
internal static class TlsFetches
{
    /// <summary>The integer fetch, or null when the keyword is not one of these.</summary>
    public static IIntegerFetch? Integer(SampleExpression sample) => sample.Fetch switch
    {
        "ssl_fc" => new TlsIntegerFetch(static c => c.Features.Get<ITlsHandshakeFeature>() is null ? 0 : 1),
        "ssl_c_used" => new TlsIntegerFetch(static c => c.Features.Get<ITlsConnectionFeature>()?.ClientCertificate is null ? 0 : 1),
        "ssl_c_verify" => new TlsIntegerFetch(static c => c.Features.Get<ITlsConnectionFeature>()?.ClientCertificate is { } certificate
            && c.Features.Get<Tls.ClientCertificatePolicy>() is { } policy ? policy.Chains(certificate) : 0),
        _ => null,
    };

    /// <summary>The text fetch, or null when the keyword is not one of these.</summary>
    public static IStringFetch? Text(SampleExpression sample) => TextReader(sample.Fetch) is { } read ? new TlsTextFetch(read) : null;

    /// <summary>How a text fetch reads the request (ACLs and log-format samples share it), or null for another keyword.</summary>
    public static Func<HttpContext, string?>? TextReader(string fetch) => fetch switch
    {
        "ssl_fc_sni" => static c => c.Features.Get<ITlsHandshakeFeature>()?.HostName is { Length: > 0 } name ? name : null,
        "ssl_fc_protocol" => static c => c.Features.Get<ITlsHandshakeFeature>() is { } tls ? Tls.TlsVersions.Name(tls.Protocol) : null,
        "ssl_c_s_dn" => static c => c.Features.Get<ITlsConnectionFeature>()?.ClientCertificate is { } certificate
            ? Tls.DistinguishedNames.Format(certificate.SubjectName) : null,
        _ => null,
    };
}
