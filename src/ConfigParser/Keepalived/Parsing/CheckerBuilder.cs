using System.Net;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>Builds a <see cref="HealthChecker"/> from a TCP_CHECK / HTTP_GET / SSL_GET / MISC_CHECK / … block.</summary>
internal static class CheckerBuilder
{
    /// <summary>Builds the checker.</summary>
    public static HealthChecker Build(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var c = new HealthChecker { Kind = KindOf(block.Keyword), Location = block.Location };
        var other = new List<KeepalivedDirective>();
        foreach (var d in block.Children)
        {
            var arg = d.Arguments.Count > 0 ? d.Arguments[0] : null;
            switch (d.Keyword)
            {
                case "connect_ip":
                    c = c with { ConnectIp = IPAddress.TryParse(arg, out var ip) ? ip : null };
                    break;
                case "bindto":
                    c = c with { BindTo = IPAddress.TryParse(arg, out var bind) ? bind : null };
                    break;
                case "connect_port":
                    if (ValueReader.TryInt(context, d, 0, 1, 65535, out var port))
                    {
                        c = c with { ConnectPort = port };
                    }
                    else
                    {
                        context.Error(d.Location, $"Invalid checker connect_port '{arg}'", d.Keyword);
                    }

                    break;
                case "connect_timeout":
                    c = ValueReader.TryDecimal(context, d, 0, 0.000001, ValueReader.MaxSeconds, out var timeout) ? c with { ConnectTimeout = timeout } : c;
                    break;
                case "retry" or "nb_get_retry":
                    c = ValueReader.TryInt(context, d, 0, 0, int.MaxValue, out var retry) ? c with { Retry = retry } : c;
                    break;
                case "delay_before_retry":
                    c = ValueReader.TryDecimal(context, d, 0, 0, ValueReader.MaxSeconds, out var delay) ? c with { DelayBeforeRetry = delay } : c;
                    break;
                case "url":
                    c = Url(context, d) is { } url ? c with { Urls = [.. c.Urls, url] } : c;
                    break;
                case "misc_path":
                    c = c with { MiscPath = string.Join(' ', d.Arguments) };
                    break;
                case "misc_timeout":
                    c = ValueReader.TryDecimal(context, d, 0, 0.000001, ValueReader.MaxSeconds, out var mt) ? c with { MiscTimeout = mt } : c;
                    break;
                case "misc_dynamic":
                    c = c with { MiscDynamic = true };
                    break;
                default:
                    other.Add(d);
                    break;
            }
        }

        if (c.Kind is CheckerKind.HttpGet or CheckerKind.SslGet && c.Urls.Count == 0)
        {
            // Observed: "(file: Line 10) HTTP/SSL_GET checker has no urls specified - ignoring", at the closing brace.
            context.Error(block.End ?? block.Location, "HTTP/SSL_GET checker has no urls specified - ignoring", block.Keyword);
        }

        return c with { Other = other };
    }

    private static CheckerKind KindOf(string keyword) => keyword switch
    {
        "HTTP_GET" => CheckerKind.HttpGet,
        "SSL_GET" => CheckerKind.SslGet,
        "MISC_CHECK" => CheckerKind.Misc,
        "SMTP_CHECK" => CheckerKind.Smtp,
        "DNS_CHECK" => CheckerKind.Dns,
        "BFD_CHECK" => CheckerKind.Bfd,
        "FILE_CHECK" => CheckerKind.File,
        _ => CheckerKind.Tcp,
    };

    private static HttpCheckUrl? Url(KeepalivedParseContext context, KeepalivedDirective block)
    {
        string? path = null, digest = null;
        int? status = null;
        foreach (var d in block.Children)
        {
            var arg = d.Arguments.Count > 0 ? d.Arguments[0] : null;
            switch (d.Keyword)
            {
                case "path":
                    path = arg;
                    break;
                case "digest":
                    digest = arg;
                    if (arg is not null && arg.Length != 32)
                    {
                        // Observed: "digest 'abc' character length should be 32 rather than 3".
                        context.Error(d.Location, $"digest '{arg}' character length should be 32 rather than {arg.Length}", d.Keyword);
                    }

                    break;
                case "status_code" when arg is not null && !arg.Contains('-') && !arg.Contains(','):
                    if (ValueReader.TryParseInt(arg, out var code) && code is >= 100 and <= 599)
                    {
                        status = code;
                    }
                    else
                    {
                        context.Error(d.Location, $"Invalid HTTP_GET status code '{arg}'", d.Keyword);
                    }

                    break;
            }
        }

        if (path is null)
        {
            // Observed: "(file: Line 9) HTTP/SSL_GET checker url has no path - ignoring", at the closing brace.
            context.Error(block.End ?? block.Location, "HTTP/SSL_GET checker url has no path - ignoring", block.Keyword);
            return null;
        }

        return new HttpCheckUrl(path, digest, status, block.Location);
    }
}
