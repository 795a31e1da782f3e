using System.Net;
using System.Net.Security;
using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Proxy.Tls;

namespace Proxy.Health;

/// <summary>
/// Whether a server's checks speak TLS, and with which settings (haproxy 2.6 `check-ssl`, `check-sni`): an `ssl`
/// server is checked over TLS unless `no-check-ssl` or a check `port`/`addr` of its own (then only `check-ssl` does);
/// verification (`verify`, `ca-file`, `ssl-server-verify`) is the server's, built by <see cref="ServerTls"/>. No SNI is
/// sent unless `check-sni`, and then the certificate's name is checked against it.
/// </summary>
internal static class CheckTls
{
    /// <summary>True when the regular check of <paramref name="server"/> makes a TLS handshake.</summary>
    public static bool Uses(ServerDefinition server)
        => server.CheckSsl || (server.Ssl && !server.NoCheckSsl && server.CheckPort is null && server.CheckAddress is null);

    /// <summary>
    /// The client options for a check to <paramref name="endpoint"/>; null when the check stays in clear, unless
    /// <paramref name="always"/> (`tcp-check connect ssl`).
    /// </summary>
    public static SslClientAuthenticationOptions? Options(BackendSection backend, ServerDefinition server, IPEndPoint endpoint, GlobalSection global, bool always = false)
    {
        if (!always && !Uses(server))
        {
            return null;
        }

        // The traffic's TLS builder, for a server that is the check's endpoint; its alerts were reported with the
        // traffic's own settings at start, so they are not repeated here.
        var host = endpoint.Address.ToString();
        var sni = server.OtherSettings.GetValueOrDefault("check-sni");
        var asChecked = server with { Ssl = true, Host = host, Port = endpoint.Port, Sni = sni is null ? null : $"str({sni})", Alpn = null };
        var tls = ServerTls.ForBackend(backend with { Servers = [asChecked] }, global, new DiagnosticBag(), static (_, _, _) => { });
        var options = tls?.Connector?.Find(new DnsEndPoint(host, endpoint.Port));
        if (options is not null)
        {
            // Checks announce no protocol (haproxy 2.6 sends ALPN only with `check-alpn`).
            options.ApplicationProtocols = null;
        }

        return options;
    }
}
