using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// Reads haproxy.cfg files in order: section keywords open sections, every other line goes to the keyword
/// table of the open section. All problems are collected; nothing throws for user input. Section headers
/// follow haproxy 2.6 src/cfgparse-listen.c cfg_parse_listen.
/// </summary>
internal sealed partial class HaproxyConfigParser(Func<string, string?> environment, DiagnosticBag diagnostics)
{
    private readonly GlobalBuilder _global = new();
    private readonly List<ProxyBuilder> _proxies = [];
    private readonly Dictionary<string, List<ProxyBuilder>> _namedDefaults = new(StringComparer.Ordinal);
    private ProxyBuilder? _lastDefaults;
    private ProxyBuilder? _proxy;
    private SectionKind _section;

    /// <summary>Where keyword lines go: nowhere yet, global, or the proxy section (which may have failed to open).</summary>
    private enum SectionKind
    {
        None,
        Global,
        Proxy,
    }

    /// <summary>The proxies read so far (defaults excluded), in declaration order.</summary>
    public IReadOnlyList<ProxyBuilder> Proxies => _proxies;

    /// <summary>Parses one file's text; <paramref name="file"/> names it in diagnostics.</summary>
    public void ParseFile(string file, string text)
    {
        // haproxy 2.6: every file starts outside any section.
        _proxy = null;
        _section = SectionKind.None;
        foreach (var line in ConfigFileReader.Read(file, text, environment, diagnostics))
        {
            if (!TryOpenSection(line))
            {
                Dispatch(line);
            }

            if (diagnostics.HasAbort)
            {
                return;
            }
        }
    }

    /// <summary>Freezes what was read into the immutable model.</summary>
    public HaproxyConfig Build() => new()
    {
        Global = new GlobalSection { MaxConn = _global.MaxConn, PidFile = _global.PidFile, Daemon = _global.Daemon, NbThread = _global.NbThread },
        Frontends = [.. _proxies.Where(p => p.Kind is ProxyKind.Frontend or ProxyKind.Listen).Select(p => p.ToFrontend())],
        Backends = [.. _proxies.Where(p => p.Kind is ProxyKind.Backend or ProxyKind.Listen).Select(p => p.ToBackend())],
    };

    private bool TryOpenSection(ConfigLine line)
    {
        var kind = line.Keyword switch
        {
            "defaults" => ProxyKind.Defaults,
            "frontend" => ProxyKind.Frontend,
            "backend" => ProxyKind.Backend,
            "listen" => ProxyKind.Listen,
            _ => (ProxyKind?)null,
        };
        if (kind is null && line.Keyword != "global")
        {
            return false;
        }

        // The section changes even when its header is wrong; later lines then belong to no proxy.
        _proxy = null;
        _section = kind is null ? SectionKind.Global : SectionKind.Proxy;
        if (kind is null)
        {
            ArgumentLimit.Exceeded(line, 0, diagnostics);
        }
        else if (kind == ProxyKind.Defaults)
        {
            OpenDefaults(line);
        }
        else
        {
            OpenProxy(line, kind.Value);
        }

        return true;
    }

    private void Dispatch(ConfigLine line)
    {
        switch (_section)
        {
            case SectionKind.Global:
                DispatchTo(line, GlobalKeywords.Table, GlobalKeywords.ExtraSuggestions, _global, "global");
                break;
            case SectionKind.Proxy when _proxy is not null:
                DispatchTo(line, ProxyKeywords.Table, ProxyKeywords.ExtraSuggestions, _proxy, _proxy.SectionWord);
                break;
            case SectionKind.Proxy:
                diagnostics.Alert(line.Location, "'listen' or 'defaults' expected.", line.Keyword);
                break;
            default:
                diagnostics.Alert(line.Location, $"unknown keyword '{line.Keyword}' out of section.", line.Keyword, LocationPrefix.ParsingTight);
                break;
        }
    }

    private void DispatchTo<TSection>(ConfigLine line, KeywordTable<KeywordContext<TSection>> table, IEnumerable<string> extraSuggestions,
        TSection section, string sectionWord)
    {
        if (table.TryGet(line.Keyword, out var handler))
        {
            handler(new KeywordContext<TSection>(line, section, diagnostics));
            return;
        }

        var suggestion = KeywordSuggester.Suggest(line.Keyword, table.Keywords.Concat(extraSuggestions));
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}' maybe ?";
        diagnostics.Alert(line.Location, $"unknown keyword '{line.Keyword}' in '{sectionWord}' section{hint}", line.Keyword);
    }
}
