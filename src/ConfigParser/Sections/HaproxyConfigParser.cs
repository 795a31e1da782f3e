using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// Reads haproxy.cfg files in order: section keywords open sections, every other line goes to the keyword
/// table of the open section. All problems are collected; nothing throws for user input. Section headers
/// follow haproxy 2.6 src/cfgparse-listen.c cfg_parse_listen.
/// </summary>
internal sealed partial class HaproxyConfigParser(Func<string, string?> environment, DiagnosticBag diagnostics, Func<string, bool> resolvesHost)
{
    private readonly GlobalBuilder _global = new();
    private readonly List<ProxyBuilder> _proxies = [];
    private readonly Dictionary<string, List<ProxyBuilder>> _namedDefaults = new(StringComparer.Ordinal);
    private ProxyBuilder? _lastDefaults;
    private ProxyBuilder? _proxy;
    private AuxiliarySection? _auxiliary;
    private readonly List<UserlistBuilder> _userlists = [];
    private UserlistBuilder? _userlist;
    private SectionKind _section;

    /// <summary>Keywords a `no` or `default` prefix may precede (haproxy 2.6 src/cfgparse.c readcfgfile).</summary>
    private static readonly HashSet<string> NegatableKeywords = new(StringComparer.Ordinal)
    {
        "option", "log", "busy-polling", "set-dumpable", "strict-limits", "insecure-fork-wanted", "numa-cpu-mapping",
    };

    /// <summary>Where keyword lines go: nowhere yet, global, or the proxy section (which may have failed to open).</summary>
    private enum SectionKind
    {
        None,
        Global,
        Proxy,
        Auxiliary,
        Userlist,
    }

    /// <summary>True once a `program` section was read.</summary>
    public bool HasProgramSection { get; private set; }

    /// <summary>True when the global section asked for master-worker mode.</summary>
    public bool MasterWorker => _global.MasterWorker;

    /// <summary>The proxies read so far (defaults excluded), in declaration order.</summary>
    public IReadOnlyList<ProxyBuilder> Proxies => _proxies;

    /// <summary>Parses one file's text; <paramref name="file"/> names it in diagnostics.</summary>
    public void ParseFile(string file, string text)
    {
        // haproxy 2.6: every file starts outside any section.
        _proxy = null;
        _auxiliary = null;
        _httpErrorsSection = null;
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
    public HaproxyConfig Build()
    {
        var httpErrors = BuildHttpErrors();
        return new()
        {
            Global = new GlobalSection
            {
                MaxConn = _global.MaxConn,
                PidFile = _global.PidFile,
                Daemon = _global.Daemon,
                NbThread = _global.NbThread,
                MasterWorker = _global.MasterWorker,
                Logs = [.. _global.Logs],
                LogSendHostname = _global.LogSendHostname,
                LogTag = _global.LogTag,
                StatsSockets = [.. _global.StatsSockets],
                SpreadChecks = _global.SpreadChecks,
                CrtBase = _global.CrtBase,
                SslDefaults = new Dictionary<string, string>(_global.SslDefaults, StringComparer.Ordinal),
            },
            Frontends = [.. _proxies.Where(p => p.Kind is ProxyKind.Frontend or ProxyKind.Listen)
                .Select(p => p.ToFrontend() with { ErrorMessages = ErrorPageResolver.Resolve(p.ErrorPages, httpErrors) })],
            Backends = [.. _proxies.Where(p => p.Kind is ProxyKind.Backend or ProxyKind.Listen)
                .Select(p => p.ToBackend() with { ErrorMessages = ErrorPageResolver.Resolve(p.ErrorPages, httpErrors) })],
            HttpErrors = httpErrors,
            Userlists = [.. _userlists.Select(u => u.Build(diagnostics)).OfType<UserlistSection>()],
        };
    }

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
        if (kind is null && line.Keyword == "userlist" && line[1].Length > 0)
        {
            OpenUserlist(line);
            return true;
        }

        if (kind is null && AuxiliarySections.ByKeyword.TryGetValue(line.Keyword, out var auxiliary))
        {
            _proxy = null;
            _httpErrorsSection = null;
            _section = SectionKind.Auxiliary;
            _auxiliary = auxiliary;
            HasProgramSection |= line.Keyword == "program";
            if (line[1].Length == 0)
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, auxiliary.MissingName, line.Keyword,
                    auxiliary.MissingNamePrefix, Aborts: auxiliary.MissingNameAborts));
                return true;
            }

            if (!OpenHttpErrors(line))
            {
                UnimplementedKeyword.Warn(line, diagnostics);
            }

            return true;
        }

        if (kind is null && line.Keyword != "global")
        {
            return false;
        }

        // The section changes even when its header is wrong; later lines then belong to no proxy.
        _proxy = null;
        _auxiliary = null;
        _httpErrorsSection = null;
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

    private void OpenUserlist(ConfigLine line)
    {
        _proxy = null;
        _auxiliary = null;
        _section = SectionKind.Userlist;
        _userlist = new UserlistBuilder(line[1], line.Location);
        if (_userlists.Any(u => u.Name == line[1]))
        {
            // The lines are still read (and checked), into a list nobody uses.
            diagnostics.Warning(line.Location, $"ignoring duplicated userlist '{line[1]}'.", "userlist", LocationPrefix.ParsingTight);
            return;
        }

        _userlists.Add(_userlist);
    }

    private void Dispatch(ConfigLine line)
    {
        var modifier = KeywordModifier.None;
        if (line.Keyword is "no" or "default" && line.Count > 1)
        {
            // haproxy 2.6 strips the prefix, complains unless the keyword takes one, and parses the keyword anyway.
            modifier = line.Keyword == "no" ? KeywordModifier.No : KeywordModifier.Default;
            line = line with { Words = [.. line.Words.Skip(1)] };
            if (!NegatableKeywords.Contains(line.Keyword))
            {
                diagnostics.Alert(line.Location,
                    "negation/default currently supported only for options, log, busy-polling, set-dumpable, strict-limits, insecure-fork-wanted and numa-cpu-mapping.",
                    line.Keyword, LocationPrefix.ParsingTight);
            }
        }

        switch (_section)
        {
            case SectionKind.Global:
                DispatchTo(line, modifier, GlobalKeywords.Table, GlobalKeywords.Suggestions, _global, "global");
                break;
            case SectionKind.Proxy when _proxy is not null:
                DispatchTo(line, modifier, ProxyKeywords.Table, ProxyKeywords.Suggestions, _proxy, _proxy.SectionWord);
                break;
            case SectionKind.Proxy:
                diagnostics.Alert(line.Location, "'listen' or 'defaults' expected.", line.Keyword);
                break;
            case SectionKind.Auxiliary when _httpErrorsSection is not null && line.Keyword == "errorfile":
                AddHttpErrorsFile(line);
                break;
            case SectionKind.Userlist when _userlist is not null:
                _userlist.Add(line, diagnostics);
                break;
            case SectionKind.Auxiliary when _auxiliary is not null:
                if (_auxiliary.Table.TryGet(line.Keyword, out var handler))
                {
                    handler(new KeywordContext<AuxiliarySection>(line, _auxiliary, diagnostics, modifier) { ResolvesHost = resolvesHost });
                }
                else
                {
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, _auxiliary.UnknownMessage, line.Keyword),
                        line.Keyword, _auxiliary.Prefix, Aborts: _auxiliary.UnknownAborts));
                }

                break;
            default:
                diagnostics.Alert(line.Location, $"unknown keyword '{line.Keyword}' out of section.", line.Keyword, LocationPrefix.ParsingTight);
                break;
        }
    }

    private void DispatchTo<TSection>(ConfigLine line, KeywordModifier modifier, KeywordTable<KeywordContext<TSection>> table,
        IEnumerable<string> suggestions, TSection section, string sectionWord)
    {
        if (table.TryGet(line.Keyword, out var handler))
        {
            handler(new KeywordContext<TSection>(line, section, diagnostics, modifier) { ResolvesHost = resolvesHost });
            return;
        }

        var suggestion = KeywordSuggester.Suggest(line.Keyword, suggestions);
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}' maybe ?";
        diagnostics.Alert(line.Location, $"unknown keyword '{line.Keyword}' in '{sectionWord}' section{hint}", line.Keyword);
    }
}
