using System.Globalization;
using Microsoft.AspNetCore.Http;
using Proxy.Http.Conditions;

namespace Proxy.Http.LogFormat;

/// <summary>
/// The fetches a log-format expression or `set-var` may use, by haproxy 2.6 keyword (configuration.txt §7.3.2–§7.3.6).
/// Anything else is refused when the configuration is loaded, never evaluated to a wrong value.
/// </summary>
internal static class SampleFetches
{
    // haproxy 2.6 refuses these in the other direction's rules ("may not be reliably used here because it needs …").
    private static readonly HashSet<string> RequestOnly = new(StringComparer.Ordinal) { "path", "url", "query", "method", "base", "req.hdr", "req.fhdr" };
    private static readonly HashSet<string> ResponseOnly = new(StringComparer.Ordinal) { "status", "res.hdr", "shdr", "res.fhdr" };

    /// <summary>Why the fetch cannot be used on that side (HAProxy refuses it too), or null when it can.</summary>
    public static string? Misplaced(string name, bool response)
        => (response ? RequestOnly : ResponseOnly).Contains(name)
            ? $"it needs the {(response ? "request" : "response")}, which this rule does not have"
            : null;

    /// <summary>The fetch as used in a request rule, or null when this proxy does not evaluate that keyword (or those arguments).</summary>
    public static ISampleFetch? Create(string name, IReadOnlyList<string> args) => Create(name, args, response: false);

    /// <summary>The fetch for a request or response rule (`hdr` reads the response's headers in a response rule).</summary>
    public static ISampleFetch? Create(string name, IReadOnlyList<string> args, bool response) => name switch
    {
        "str" when args.Count == 1 => new ConstantSample(args[0]),
        "int" when args.Count == 1 && long.TryParse(args[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            => new ConstantSample(number.ToString(CultureInfo.InvariantCulture)),
        "path" or "url" or "query" or "method" or "base" when args.Count == 0 => new RequestSample(name),
        "src" or "dst" or "src_port" or "dst_port" when args.Count == 0 => new ConnectionSample(name),
        "status" when args.Count == 0 => new RequestSample(name),
        "var" when args.Count == 1 && VariableName.IsSupported(args[0]) => new VariableSample(args[0]),
        "hdr" or "req.hdr" or "res.hdr" or "shdr" or "req.fhdr" or "res.fhdr"
            when args.Count is 1 or 2 && args[0].Length > 0 && TryOccurrence(args, out var occurrence)
            => new HeaderSample(args[0], occurrence, Response: name is "res.hdr" or "shdr" or "res.fhdr" || (response && name == "hdr"),
                SplitCommas: !name.EndsWith("fhdr", StringComparison.Ordinal)),
        _ when args.Count == 0 && Conditions.TlsFetches.TextReader(name) is { } read => new TlsSample(read),
        _ => null,
    };

    // Outside an ACL, hdr() without an occurrence gives the last value (haproxy 2.6 §7.3.6 "req.hdr").
    private static bool TryOccurrence(IReadOnlyList<string> args, out int occurrence)
    {
        occurrence = -1;
        return args.Count < 2 || int.TryParse(args[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out occurrence);
    }

    private sealed class ConstantSample(string value) : ISampleFetch
    {
        public string? Fetch(HttpContext context) => value;
    }

    private sealed class VariableSample(string name) : ISampleFetch
    {
        public string? Fetch(HttpContext context) => TransactionVariables.Get(context, name);
    }

    private sealed class RequestSample(string name) : ISampleFetch
    {
        public string? Fetch(HttpContext context)
        {
            switch (name)
            {
                case "method":
                    return context.Request.Method;
                case "status":
                    return context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
            }

            var url = RequestTarget.Url(context);
            return name switch
            {
                "url" => url,
                "path" => RequestTarget.TryGetPath(url, out var path) ? path.ToString() : null,
                "query" => RequestTarget.TryGetQuery(url, out var query) ? query.ToString() : null,
                _ => Base(context, url),
            };
        }

        private static string? Base(HttpContext context, string url)
        {
            if (!RequestTarget.TryGetPath(url, out var path))
            {
                return null;
            }

            var host = context.Request.Headers.Host;
            return host.Count == 0 ? path.ToString() : string.Concat(host[0], path);
        }
    }

    private sealed class ConnectionSample(string name) : ISampleFetch
    {
        public string? Fetch(HttpContext context)
        {
            var connection = context.Connection;
            return name switch
            {
                "src" => Address(connection.RemoteIpAddress),
                "dst" => Address(connection.LocalIpAddress),
                "src_port" => connection.RemotePort.ToString(CultureInfo.InvariantCulture),
                _ => connection.LocalPort.ToString(CultureInfo.InvariantCulture),
            };
        }

        public static string? Address(System.Net.IPAddress? address)
            => address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private sealed record HeaderSample(string Name, int Occurrence, bool Response, bool SplitCommas) : ISampleFetch
    {
        public string? Fetch(HttpContext context)
        {
            var lines = Response ? context.Response.Headers[Name] : context.Request.Headers[Name];
            if (lines.Count == 0)
            {
                return null;
            }

            // Occurrence 0 in a sample context means the last one too (haproxy 2.6 smp_fetch_hdr).
            var wanted = Occurrence <= 0 ? HeaderValues.Count(lines, SplitCommas) + Math.Min(Occurrence, -1) + 1 : Occurrence;
            var values = new HeaderValues(lines, SplitCommas);
            for (var index = 1; values.MoveNext(); index++)
            {
                if (index == wanted)
                {
                    return values.Current.ToString();
                }
            }

            return null;
        }
    }
}
