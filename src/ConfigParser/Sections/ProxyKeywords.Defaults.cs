using ConfigParser.Diagnostics;

namespace ConfigParser.Sections;

/// <summary>
/// Keywords a defaults section refuses, or refuses when it has no name (rules that only named defaults may carry),
/// with haproxy 2.6's wording for each (src/cfgparse-listen.c, src/tcp_rules.c, src/stick_table.c, src/filters.c).
/// </summary>
internal static partial class ProxyKeywords
{
    // Keyword → the message for a refused line (given its second word), its location prefix, and whether only
    // anonymous defaults sections refuse it.
    private static readonly Dictionary<string, (Func<string, string> Message, LocationPrefix Prefix, bool AnonymousOnly)> DefaultsRestrictions =
        new(StringComparer.Ordinal)
    {
        ["acl"] = (second => "'acl' not allowed in anonymous 'defaults' section.", LocationPrefix.Parsing, true),
        ["http-response"] = (second => "'http-response' not allowed in anonymous 'defaults' section.", LocationPrefix.Parsing, true),
        ["http-after-response"] = (second => "'http-after-response' not allowed in anonymous 'defaults' section.", LocationPrefix.Parsing, true),
        ["tcp-request"] = (second => $"tcp-request {second} is not allowed in anonymous 'defaults' sections", LocationPrefix.Parsing, true),
        ["tcp-response"] = (second => $"tcp-response {second} is only allowed in 'backend' sections or 'defaults' section with a name", LocationPrefix.Parsing, true),
        ["use_backend"] = (second => "'use_backend' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["use-server"] = (second => "'use-server' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["force-persist"] = (second => "'force-persist' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["ignore-persist"] = (second => "'ignore-persist' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["stick"] = (second => "'stick' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["monitor"] = (second => "'monitor' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["redirect"] = (second => "'redirect' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["dispatch"] = (second => "'dispatch' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["capture"] = (second => $"'capture {second}' not allowed in 'defaults' section.", LocationPrefix.Parsing, false),
        ["stick-table"] = (second => "'stick-table' is not supported in 'defaults' section.", LocationPrefix.Parsing, false),
        ["declare"] = (second => "'declare' not available in default section", LocationPrefix.Parsing, false),
        ["server-template"] = (second => "'server-template' not allowed in 'defaults' section.", LocationPrefix.Bracket, false),
        ["description"] = (second => "'description' not allowed in 'defaults' section.", LocationPrefix.ParsingTight, false),
        ["id"] = (second => "'id' not allowed in 'defaults' section.", LocationPrefix.ParsingTight, false),
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
                    c.Diagnostics.Alert(c.At, restriction.Message(c.Line[1]), keyword, restriction.Prefix);
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
