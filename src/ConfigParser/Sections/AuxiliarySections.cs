using ConfigParser.Diagnostics;

namespace ConfigParser.Sections;

/// <summary>
/// The keyword tables of the sections other than global and the proxies (haproxy 2.6 configuration.txt §3.3–§3.10,
/// §10, §11; the parsers in src/cfgparse.c, src/resolvers.c, src/mailers.c, src/mworker-prog.c, src/http_htx.c,
/// src/sink.c, src/cache.c, src/log.c, src/fcgi-app.c). Every keyword they accept is taken with a "not implemented"
/// warning; an unknown one is an alert worded as each section's parser words it.
/// </summary>
internal static class AuxiliarySections
{
    // What each section's parser says when its header has no name ("log-forward" calls itself ip-forward there), and
    // whether that stops the parse.
    private static readonly Dictionary<string, (string Message, LocationPrefix Prefix, bool Aborts)> MissingNames = new(StringComparer.Ordinal)
    {
        ["userlist"] = ("'userlist' expects <name> as arguments.", LocationPrefix.ParsingTight, false),
        ["peers"] = ("missing name for peers section.", LocationPrefix.Parsing, true),
        ["resolvers"] = ("missing name for resolvers section.", LocationPrefix.Parsing, true),
        ["mailers"] = ("missing name for mailers section.", LocationPrefix.Parsing, true),
        ["program"] = ("'program' expects an <id> argument", LocationPrefix.Parsing, true),
        ["http-errors"] = ("missing name for http-errors section.", LocationPrefix.Parsing, true),
        ["ring"] = ("missing ring name.", LocationPrefix.Parsing, false),
        ["cache"] = ("'cache' expects a <name> argument", LocationPrefix.Parsing, true),
        ["log-forward"] = ("missing name for ip-forward section.", LocationPrefix.Parsing, true),
        ["fcgi-app"] = ("'fcgi-app' expects <name> as argument.", LocationPrefix.ParsingTight, false),
    };

    /// <summary>Section keyword → its description.</summary>
    public static IReadOnlyDictionary<string, AuxiliarySection> ByKeyword { get; } = new[]
    {
        Section("userlist", "unknown keyword '{0}' in 'users' section", LocationPrefix.ParsingTight, "group", "user"),
        Section("peers", "unknown keyword '{0}' in 'peers' section", LocationPrefix.Parsing,
            "bind", "default-bind", "default-server", "disabled", "enabled", "log", "peer", "server", "table"),
        Section("resolvers", "unknown keyword '{0}' in 'resolvers' section", LocationPrefix.Parsing,
            "accepted_payload_size", "hold", "nameserver", "parse-resolv-conf", "resolution_pool_size", "resolve_retries", "timeout"),
        Section("mailers", "unknown keyword '{0}' in 'mailers' section", LocationPrefix.Parsing, "mailer", "timeout"),
        Section("program", "unknown keyword '{0}' in 'program' section", LocationPrefix.Parsing, "command", "group", "option", "user"),
        Section("http-errors", "unknown keyword '{0}' in 'http-errors' section", LocationPrefix.Parsing, "errorfile"),
        Section("ring", "unknown statement '{0}'.", LocationPrefix.Parsing,
            "description", "format", "maxlen", "server", "size", "timeout"),
        Section("cache", "unknown keyword '{0}' in 'cache' section", LocationPrefix.Parsing,
            "max-age", "max-object-size", "max-secondary-entries", "process-vary", "total-max-size"),
        Section("log-forward", "unknown keyword '{0}' in log-forward section.", LocationPrefix.Parsing,
            "backlog", "bind", "dgram-bind", "log", "maxconn", "timeout") with { UnknownAborts = true },
        Section("fcgi-app", "unknown keyword '{0}' in 'fcgi-app' section", LocationPrefix.ParsingTight,
            "acl", "docroot", "index", "log-stderr", "option", "pass-header", "path-info", "set-param"),
    }.Select(s => s with { MissingName = MissingNames[s.Keyword].Message, MissingNamePrefix = MissingNames[s.Keyword].Prefix, MissingNameAborts = MissingNames[s.Keyword].Aborts })
        .ToDictionary(s => s.Keyword, StringComparer.Ordinal);

    private static AuxiliarySection Section(string keyword, string unknownMessage, LocationPrefix prefix, params string[] keywords) =>
        new(keyword, new KeywordTable<KeywordContext<AuxiliarySection>>().AddMissing(keywords, UnimplementedKeyword.Handle), unknownMessage, prefix);
}
