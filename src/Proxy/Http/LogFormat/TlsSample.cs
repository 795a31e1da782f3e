using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>`ssl_fc_sni`, `ssl_fc_protocol`, `ssl_c_s_dn` in a log-format or expression; absent on cleartext (haproxy 2.6 §7.3.4).</summary>
internal sealed class TlsSample(Func<HttpContext, string?> read) : ISampleFetch
{
    public string? Fetch(HttpContext context) => read(context);
}
