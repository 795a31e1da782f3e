using ConfigParser.Diagnostics;

namespace ConfigParser.Sections;

/// <summary>
/// Keywords a defaults section refuses, or refuses when it has no name (rules that only named defaults may carry),
/// with haproxy 2.6's wording for each (src/cfgparse-listen.c, src/tcp_rules.c, src/stick_table.c, src/filters.c).
/// </summary>
internal static partial class ProxyKeywords
{
    /// <summary>What a defaults section refuses: the message for a line, its prefix, and whether only anonymous defaults refuse it.</summary>
    private sealed record DefaultsRestriction(Func<KeywordContextLine, string> Message, LocationPrefix Prefix = LocationPrefix.Parsing, bool AnonymousOnly = false);

    /// <summary>The words of the refused line, for messages that quote its second word.</summary>
    private sealed record KeywordContextLine(string Keyword, string Second);

    private static readonly Dictionary<string, DefaultsRestriction> DefaultsRestrictions = new(StringComparer.Ordinal)
    {
        ["acl"] = new(l => "'acl' not allowed in anonymous 'defaults' section.", AnonymousOnly: true),
        ["http-response"] = new(l => "'http-response' not allowed in anonymous 'defaults' section.", AnonymousOnly: true),
        ["http-after-response"] = new(l => "'http-after-response' not allowed in anonymous 'defaults' section.", AnonymousOnly: true),
        ["tcp-request"] = new(l => $"tcp-request {l.Second} is not allowed in anonymous 'defaults' sections", AnonymousOnly: true),
        ["tcp-response"] = new(l => $"tcp-response {l.Second} is only allowed in 'backend' sections or 'defaults' section with a name", AnonymousOnly: true),
        ["use_backend"] = new(l => "'use_backend' not allowed in 'defaults' section."),
        ["use-server"] = new(l => "'use-server' not allowed in 'defaults' section."),
        ["force-persist"] = new(l => "'force-persist' not allowed in 'defaults' section."),
        ["ignore-persist"] = new(l => "'ignore-persist' not allowed in 'defaults' section."),
        ["stick"] = new(l => "'stick' not allowed in 'defaults' section."),
        ["monitor"] = new(l => "'monitor' not allowed in 'defaults' section."),
        ["redirect"] = new(l => "'redirect' not allowed in 'defaults' section."),
        ["dispatch"] = new(l => "'dispatch' not allowed in 'defaults' section."),
        ["capture"] = new(l => $"'capture {l.Second}' not allowed in 'defaults' section."),
        ["stick-table"] = new(l => "'stick-table' is not supported in 'defaults' section."),
        ["declare"] = new(l => "'declare' not available in default section"),
        ["server-template"] = new(l => "'server-template' not allowed in 'defaults' section.", LocationPrefix.Bracket),
        ["description"] = new(l => "'description' not allowed in 'defaults' section.", LocationPrefix.ParsingTight),
        ["id"] = new(l => "'id' not allowed in 'defaults' section.", LocationPrefix.ParsingTight),
    };

    private static KeywordTable<KeywordContext<ProxyBuilder>> WithDefaultsRestrictions(KeywordTable<KeywordContext<ProxyBuilder>> table)
    {
        foreach (var keyword in DefaultsRestrictions.Keys)
        {
            table.Wrap(keyword, handler => c =>
            {
                var restriction = DefaultsRestrictions[keyword];
                if (c.Section.Kind == ProxyKind.Defaults && (!restriction.AnonymousOnly || c.Section.Name.Length == 0))
                {
                    c.Diagnostics.Alert(c.At, restriction.Message(new KeywordContextLine(c.Line.Keyword, c.Line[1])), keyword, restriction.Prefix);
                    return;
                }

                handler(c);
            });
        }

        // "filter" repeats the location inside its message.
        return table.Wrap("filter", handler => c =>
        {
            if (c.Section.Kind == ProxyKind.Defaults)
            {
                c.Diagnostics.Alert(c.At, $"parsing [{c.At.File}:{c.At.Line}] : filter is not allowed in a 'default' section.", "filter");
                return;
            }

            handler(c);
        });
    }
}
