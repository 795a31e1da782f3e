using System.Globalization;
using System.Text;

namespace Proxy.Logging;

/// <summary>
/// A `%[fetch(args),conv…]` expression of a log format, limited to what haproxy 2.6 can evaluate at log time
/// (connection and TLS fetches; request headers are refused there too) with the hex/lower/upper converters.
/// </summary>
internal sealed class LogSample
{
    private static readonly HashSet<string> Fetches = new(StringComparer.Ordinal)
    {
        "src", "src_port", "dst", "dst_port", "fc_err", "ssl_fc", "ssl_fc_sni", "ssl_fc_err", "ssl_c_err", "ssl_c_ca_err",
        "ssl_fc_is_resumed", "ssl_fc_protocol", "ssl_fc_cipher", "be_name", "fe_name", "srv_name", "status", "pid",
    };

    private static readonly HashSet<string> Converters = new(StringComparer.Ordinal) { "hex", "lower", "upper" };

    private readonly string _fetch;
    private readonly string[] _converters;

    private LogSample(string fetch, string[] converters)
    {
        _fetch = fetch;
        _converters = converters;
    }

    /// <summary>Compiles <paramref name="expression"/>; on failure returns null and haproxy's reason.</summary>
    public static LogSample? TryCompile(string expression, out string? error)
    {
        var parts = expression.Split(',');
        var fetch = parts[0];
        var paren = fetch.IndexOf('(', StringComparison.Ordinal);
        var name = paren >= 0 ? fetch[..paren] : fetch;
        if (!Fetches.Contains(name))
        {
            error = $"unknown fetch method '{name}'";
            return null;
        }

        foreach (var converter in parts.Skip(1))
        {
            if (!Converters.Contains(converter))
            {
                error = $"unknown converter '{converter}'";
                return null;
            }
        }

        error = null;
        return new LogSample(name, parts[1..]);
    }

    /// <summary>Appends the value for <paramref name="entry"/>, or nothing (the caller prints `-`) when it has none.</summary>
    public string? Evaluate(AccessLogEntry entry)
    {
        var inv = CultureInfo.InvariantCulture;
        var value = _fetch switch
        {
            "src" => entry.Client?.Address.ToString(),
            "src_port" => entry.Client?.Port.ToString(inv),
            "dst" => entry.FrontendAddress?.Address.ToString(),
            "dst_port" => entry.FrontendAddress?.Port.ToString(inv),
            "fc_err" => "0",
            "ssl_fc" => entry.IsTls ? "1" : "0",
            "ssl_fc_sni" => entry.TlsServerName,
            "ssl_fc_err" or "ssl_c_err" or "ssl_c_ca_err" => entry.IsTls ? "0" : null,
            "ssl_fc_is_resumed" => "0",
            "ssl_fc_protocol" => entry.TlsVersion,
            "ssl_fc_cipher" => entry.TlsCipher,
            "be_name" => entry.Backend,
            "fe_name" => entry.Frontend,
            "srv_name" => entry.Server,
            "status" => entry.Status.ToString(inv),
            "pid" => Environment.ProcessId.ToString(inv),
            _ => null,
        };
        foreach (var converter in _converters)
        {
            if (value is null)
            {
                break;
            }

            value = converter switch
            {
                "hex" => Hex(value),
                "lower" => value.ToLowerInvariant(),
                _ => value.ToUpperInvariant(),
            };
        }

        return value;
    }

    // haproxy 2.6 `hex`: an integer sample is converted as its 8-byte big-endian form, a string byte by byte.
    private static string Hex(string value)
        => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("X16", CultureInfo.InvariantCulture)
            : Convert.ToHexString(Encoding.UTF8.GetBytes(value));
}
