using ConfigParser.Diagnostics;
using ConfigParser.Model;
using ConfigParser.Sections;

namespace ConfigParser.Resolution;

/// <summary>
/// The post-parse TLS checks haproxy 2.6 makes when it prepares the SSL contexts (src/ssl_sock.c
/// ssl_sock_prepare_bind_conf, ssl_sock_prepare_srv_ctx): certificate verification needs a CA file.
/// </summary>
internal static class TlsChecks
{
    /// <summary>`bind … ssl verify optional|required` without `ca-file`.</summary>
    public static void CheckBinds(ProxyBuilder proxy, DiagnosticBag diagnostics)
    {
        foreach (var bind in proxy.Binds.Where(b => b.Ssl))
        {
            var verify = bind.OtherSettings.GetValueOrDefault("verify");
            if (verify is "optional" or "required" && !bind.OtherSettings.ContainsKey("ca-file"))
            {
                diagnostics.Alert(null,
                    $"Proxy '{proxy.Name}': verify is enabled but no CA file specified for bind '{bind.Specification}' at [{bind.Location.File}:{bind.Location.Line}].",
                    "bind");
            }
        }
    }

    /// <summary>
    /// `server … ssl` verifying (written `verify required`, or by default unless `ssl-server-verify none`) without
    /// `ca-file`; haproxy words both cases "enabled by default".
    /// </summary>
    public static void CheckServers(ProxyBuilder proxy, GlobalSection global, DiagnosticBag diagnostics)
    {
        if (!proxy.HasBackendCapability)
        {
            return;
        }

        var defaultVerify = global.SslDefaults.GetValueOrDefault("ssl-server-verify") == "none" ? "none" : "required";
        foreach (var server in proxy.Servers.Where(s => s.Ssl && (s.Verify ?? defaultVerify) == "required" && s.CaFile is null))
        {
            diagnostics.Alert(server.Location,
                $"'server {proxy.Name}/{server.Name}' : verify is enabled by default but no CA file specified. If you're running on a LAN where you're " +
                "certain to trust the server's certificate, please set an explicit 'verify none' statement on the 'server' line, or use " +
                "'ssl-server-verify none' in the global section to disable server-side verifications by default.",
                "server", LocationPrefix.Bracket);
        }
    }
}
