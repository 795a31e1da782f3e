using ConfigParser.Directives;

namespace ConfigParser.Sections;

/// <summary>`retries`, `retry-on` and a proxy's `maxconn`, as haproxy 2.6 src/cfgparse-listen.c and src/proxy.c read them.</summary>
internal static partial class ProxyKeywords
{
    /// <summary>The `retry-on` keywords haproxy 2.6 knows (src/proxy.c proxy_parse_retry_on), status codes included.</summary>
    private static readonly HashSet<string> RetryOnKeywords = new(StringComparer.Ordinal)
    {
        "none", "conn-failure", "empty-response", "junk-response", "response-timeout", "0rtt-rejected",
        "all-retryable-errors", "401", "403", "404", "408", "425", "500", "501", "502", "503", "504",
    };

    private static void Retries(KeywordContext<ProxyBuilder> c)
    {
        // The side check (ProxyKeywords.Sides) already warned on a proxy without a backend side.
        if (!c.Section.HasBackendCapability)
        {
            return;
        }

        // haproxy 2.6 reads the count with atol: "x" is 0 retries.
        c.Section.Retries = CStyleInteger.Atoi(c.Line[1]);
    }

    private static void RetryOn(KeywordContext<ProxyBuilder> c)
    {
        if (!c.Section.HasBackendCapability)
        {
            c.Diagnostics.Alert(c.At, "'retry-on' only available in backend or listen section", "retry-on");
            return;
        }

        var words = c.Line.Words.Skip(1).ToArray();
        foreach (var word in words)
        {
            if (!RetryOnKeywords.Contains(word))
            {
                c.Diagnostics.Alert(c.At, $"'retry-on': unknown keyword '{word}'", "retry-on");
                return;
            }

            if (word == "none" && words.Length > 1)
            {
                // haproxy 2.6's wording, typo included.
                c.Diagnostics.Alert(c.At, "'retry-on' 'none' keyworld only usable alone", "retry-on");
                return;
            }
        }

        c.Section.RetryOn = words;
    }

    private static void MaxConn(KeywordContext<ProxyBuilder> c)
    {
        // The side check (ProxyKeywords.Sides) already warned on a proxy without a frontend side.
        if (!c.Section.HasFrontendCapability)
        {
            return;
        }

        var value = CStyleInteger.Atoi(c.Line[1]);
        c.Section.MaxConn = value > 0 ? value : null;
    }
}
