using System.Security.Authentication;

namespace Proxy.Tls;

/// <summary>`ssl-min-ver` / `ssl-max-ver` words (haproxy 2.6: SSLv3, TLSv1.0 … TLSv1.3) → <see cref="SslProtocols"/>.</summary>
internal static class TlsVersions
{
#pragma warning disable SYSLIB0039 // TLS 1.0/1.1 stay expressible; the system OpenSSL policy decides whether they work.
    private static readonly (string Name, SslProtocols Protocol)[] Ordered =
    [
        ("TLSv1.0", SslProtocols.Tls), ("TLSv1.1", SslProtocols.Tls11), ("TLSv1.2", SslProtocols.Tls12), ("TLSv1.3", SslProtocols.Tls13),
    ];
#pragma warning restore SYSLIB0039

    /// <summary>
    /// The protocols between the bounds, or null with a reason. haproxy 2.6 enables TLS 1.0–1.3 by default (SSLv3
    /// is not built into Debian's OpenSSL); SSLv3 is refused here since .NET cannot speak it.
    /// </summary>
    public static SslProtocols? Range(string? min, string? max, out string? error)
    {
        error = null;
        var low = 0;
        var high = Ordered.Length - 1;
        if (min is not null && (low = Index(min)) < 0)
        {
            error = $"'{min}' : unknown ssl/tls version";
            return null;
        }

        if (max is not null && (high = Index(max)) < 0)
        {
            error = $"'{max}' : unknown ssl/tls version";
            return null;
        }

        var protocols = SslProtocols.None;
        for (var i = low; i <= high; i++)
        {
            protocols |= Ordered[i].Protocol;
        }

        return protocols;
    }

    /// <summary>What <see cref="Narrow"/> returns when no version is left.</summary>
    public const SslProtocols Disabled = (SslProtocols)(-1);

    /// <summary>
    /// Applies `no-tlsv10`…`no-tlsv13` and `force-tlsv10`…`force-tlsv13` to <paramref name="protocols"/> (None = the
    /// system's default set, taken as TLS 1.0–1.3 once a flag narrows it).
    /// </summary>
    public static SslProtocols Narrow(SslProtocols protocols, IReadOnlySet<string> flags)
    {
        var words = new[] { "tlsv10", "tlsv11", "tlsv12", "tlsv13" };
        var forced = Enumerable.Range(0, words.Length).Where(i => flags.Contains("force-" + words[i])).ToList();
        var removed = Enumerable.Range(0, words.Length).Where(i => flags.Contains("no-" + words[i])).ToList();
        if (forced.Count == 0 && removed.Count == 0)
        {
            return protocols;
        }

        var set = protocols == SslProtocols.None ? Ordered.Aggregate(SslProtocols.None, (all, v) => all | v.Protocol) : protocols;
        if (forced.Count > 0)
        {
            set = forced.Aggregate(SslProtocols.None, (all, i) => all | Ordered[i].Protocol);
        }

        set = removed.Aggregate(set, (all, i) => all & ~Ordered[i].Protocol);
        return set == SslProtocols.None ? Disabled : set;
    }

    /// <summary>The word after <paramref name="keyword"/> in an options line (`ssl-default-*-options`), or null.</summary>
    public static string? After(string[] words, string keyword)
    {
        var index = Array.IndexOf(words, keyword);
        return index >= 0 && index + 1 < words.Length ? words[index + 1] : null;
    }

    /// <summary>
    /// A server's versions: its `ssl-min-ver`/`ssl-max-ver`/`no-tlsvXX`/`force-tlsvXX`, else those of
    /// `ssl-default-server-options` (unknown words were refused while parsing). None = the system's defaults.
    /// </summary>
    public static SslProtocols ForServer(IReadOnlyDictionary<string, string> settings, string? globalOptions)
    {
        var words = globalOptions?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var min = settings.GetValueOrDefault("ssl-min-ver") ?? After(words, "ssl-min-ver");
        var max = settings.GetValueOrDefault("ssl-max-ver") ?? After(words, "ssl-max-ver");
        var protocols = min is null && max is null ? SslProtocols.None : Range(min, max, out _) ?? SslProtocols.None;
        return Narrow(protocols, settings.Keys.Concat(words).ToHashSet(StringComparer.Ordinal));
    }

    private static int Index(string name) => Array.FindIndex(Ordered, v => v.Name == name);

    /// <summary>The haproxy name of a negotiated protocol (`ssl_fc_protocol`).</summary>
    public static string? Name(SslProtocols protocol) => Array.Find(Ordered, v => v.Protocol == protocol).Name;
}
