using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// Reads haproxy.cfg files in order: section keywords open sections, every other line goes to the keyword
/// table of the open section. All problems are collected; nothing throws for user input.
/// </summary>
internal sealed class HaproxyConfigParser(Func<string, string?> environment, DiagnosticBag diagnostics)
{
    private readonly GlobalBuilder _global = new();
    private readonly List<ProxyBuilder> _proxies = [];
    private readonly Dictionary<string, ProxyBuilder> _namedDefaults = new(StringComparer.Ordinal);
    private ProxyBuilder? _lastDefaults;
    private ProxyBuilder? _proxy;
    private bool _inGlobal;

    /// <summary>The proxies read so far (defaults excluded), in declaration order.</summary>
    public IReadOnlyList<ProxyBuilder> Proxies => _proxies;

    /// <summary>Parses one file's text; <paramref name="file"/> names it in diagnostics.</summary>
    public void ParseFile(string file, string text)
    {
        // haproxy 2.6: every file starts outside any section.
        _proxy = null;
        _inGlobal = false;
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
        Global = new GlobalSection { MaxConn = _global.MaxConn, PidFile = _global.PidFile, Daemon = _global.Daemon },
        Frontends = [.. _proxies.Where(p => p.Kind is ProxyKind.Frontend or ProxyKind.Listen).Select(p => p.ToFrontend())],
        Backends = [.. _proxies.Where(p => p.Kind is ProxyKind.Backend or ProxyKind.Listen).Select(p => p.ToBackend())],
    };

    private bool TryOpenSection(ConfigLine line)
    {
        switch (line.Keyword)
        {
            case "global":
                _proxy = null;
                _inGlobal = true;
                return true;
            case "defaults":
                OpenProxy(line, ProxyKind.Defaults);
                return true;
            case "frontend":
                OpenProxy(line, ProxyKind.Frontend);
                return true;
            case "backend":
                OpenProxy(line, ProxyKind.Backend);
                return true;
            case "listen":
                OpenProxy(line, ProxyKind.Listen);
                return true;
            default:
                return false;
        }
    }

    private void OpenProxy(ConfigLine line, ProxyKind kind)
    {
        _inGlobal = false;
        _proxy = null;
        var name = line[1];
        if (kind != ProxyKind.Defaults && name.Length == 0)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, $"'{line.Keyword}' expects an <id> argument", line.Keyword, Aborts: true));
            return;
        }

        var bad = name.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'));
        if (bad != default)
        {
            diagnostics.Alert(line.Location, $"character '{bad}' is not permitted in '{line.Keyword}' name '{name}'.", line.Keyword);
            return;
        }

        var defaults = _lastDefaults;
        if (line[2] == "from")
        {
            if (!_namedDefaults.TryGetValue(line[3], out defaults))
            {
                diagnostics.Alert(line.Location, $"defaults section '{line[3]}' not found for {line.Keyword} '{name}'.", line.Keyword);
                return;
            }
        }

        var builder = new ProxyBuilder(kind, name, line.Location, defaults);
        if (kind == ProxyKind.Defaults)
        {
            _lastDefaults = builder;
            if (name.Length > 0)
            {
                _namedDefaults[name] = builder;
            }
        }
        else
        {
            ReportNameClash(builder);
            _proxies.Add(builder);
        }

        _proxy = builder;
    }

    // haproxy 2.6: two proxies may share a name only when their capabilities do not overlap (a frontend and a backend).
    private void ReportNameClash(ProxyBuilder builder)
    {
        var other = _proxies.FirstOrDefault(p => p.Name == builder.Name &&
            ((p.HasFrontendCapability && builder.HasFrontendCapability) || (p.HasBackendCapability && builder.HasBackendCapability)));
        if (other is not null)
        {
            diagnostics.Alert(builder.Location,
                $"{builder.KindWord} '{builder.Name}' has the same name as {other.KindWord} '{other.Name}' declared at {other.Location.File}:{other.Location.Line}.",
                prefix: LocationPrefix.ParsingCapital);
        }
    }

    private void Dispatch(ConfigLine line)
    {
        if (_inGlobal)
        {
            DispatchTo(line, GlobalKeywords.Table, _global, "global");
        }
        else if (_proxy is not null)
        {
            DispatchTo(line, ProxyKeywords.Table, _proxy, _proxy.SectionWord);
        }
        else
        {
            diagnostics.Alert(line.Location, $"unknown keyword '{line.Keyword}' out of section.", line.Keyword, LocationPrefix.ParsingTight);
        }
    }

    private void DispatchTo<TSection>(ConfigLine line, KeywordTable<KeywordContext<TSection>> table, TSection section, string sectionWord)
    {
        if (table.TryGet(line.Keyword, out var handler))
        {
            handler(new KeywordContext<TSection>(line, section, diagnostics));
            return;
        }

        var suggestion = KeywordSuggester.Suggest(line.Keyword, table.Keywords);
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}' maybe ?";
        diagnostics.Alert(line.Location, $"unknown keyword '{line.Keyword}' in '{sectionWord}' section{hint}", line.Keyword);
    }
}
