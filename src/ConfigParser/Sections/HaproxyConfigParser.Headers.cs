using ConfigParser.Diagnostics;
using ConfigParser.Lexing;

namespace ConfigParser.Sections;

/// <summary>
/// Section header lines ("defaults [name] [from d]", "frontend|backend|listen name [from d]"), as haproxy 2.6
/// src/cfgparse-listen.c cfg_parse_listen reads them.
/// </summary>
internal sealed partial class HaproxyConfigParser
{
    private void OpenDefaults(ConfigLine line)
    {
        // "defaults from d" names no section: it is an anonymous defaults section based on d.
        var anonymousFrom = line[1] == "from" && line[2].Length > 0 && line[3].Length == 0;
        var name = anonymousFrom ? "" : line[1];
        var fromIndex = anonymousFrom ? 1 : 2;

        // Unlike a proxy, a defaults section does not start from the previous one: only "from" chains them.
        ProxyBuilder? defaults = null;
        if (line[fromIndex] == "from" && !TryFindDefaults(line, line[fromIndex + 1], "defaults", name, out defaults))
        {
            return;
        }

        var builder = new ProxyBuilder(ProxyKind.Defaults, name, line.Location, defaults) { CrtBase = _global.CrtBase };
        _lastDefaults = builder;
        if (name.Length > 0)
        {
            if (!_namedDefaults.TryGetValue(name, out var sameName))
            {
                _namedDefaults[name] = sameName = [];
            }

            sameName.Add(builder);
        }

        _proxy = builder;
    }

    private void OpenProxy(ConfigLine line, ProxyKind kind)
    {
        var name = line[1];
        if (name.Length == 0)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location, $"'{line.Keyword}' expects an <id> argument", line.Keyword, Aborts: true));
            return;
        }

        if (InvalidNameCharacter(name) is { } bad)
        {
            diagnostics.Alert(line.Location, $"character '{bad}' is not permitted in '{line.Keyword}' name '{name}'.", line.Keyword);
        }

        var frontendSide = kind is ProxyKind.Frontend or ProxyKind.Listen;
        ReportNameClash(line, kind, name, frontendSide);

        // Only "<kw> <name> from <defaults>" takes arguments. HAProxy 2.6 reports an old-style listen address only
        // for proxies with a frontend side, as an alert that does not make the file invalid; the proxy is not created.
        var hasFrom = line[2] == "from" && line[3].Length > 0;
        var extra = line[2].Length > 0 && !hasFrom;
        if (extra || ArgumentLimit.Exceeded(line, 3, diagnostics))
        {
            if (frontendSide)
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                    "please use the 'bind' keyword for listening addresses.", line.Keyword, Fatal: false));
            }

            return;
        }

        var description = kind == ProxyKind.Listen ? "proxy" : line.Keyword;
        var defaults = _lastDefaults;
        if (hasFrom && !TryFindDefaults(line, line[3], description, name, out defaults))
        {
            return;
        }

        var builder = new ProxyBuilder(kind, name, line.Location, defaults) { CrtBase = _global.CrtBase };
        _proxies.Add(builder);
        _proxy = builder;
    }

    // "from <name>": the named defaults section, or an aborting alert when there is none.
    private bool TryFindDefaults(ConfigLine line, string defaultsName, string kindWord, string proxyName, out ProxyBuilder? defaults)
    {
        defaults = null;
        if (!_namedDefaults.TryGetValue(defaultsName, out var sameName))
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                $"defaults section '{defaultsName}' not found for {kindWord} '{proxyName}'.", line.Keyword, Aborts: true));
            return false;
        }

        defaults = sameName[^1];
        if (sameName.Count > 1)
        {
            var (first, second) = (sameName[0].Location, sameName[1].Location);
            diagnostics.Alert(line.Location,
                $"ambiguous defaults section name '{defaultsName}' referenced by {kindWord} '{proxyName}' exists at least at {first} and {second}.", line.Keyword);
        }

        if (InvalidNameCharacter(defaultsName) is { } bad)
        {
            diagnostics.Alert(line.Location,
                $"character '{bad}' is not permitted in defaults section name '{defaultsName}' when designated by its name (section found at {defaults.Location}).",
                line.Keyword);
        }

        return true;
    }

    // haproxy 2.6: a new proxy with a frontend side clashes with any proxy with a frontend side of the same name;
    // otherwise (a backend) with any proxy with a backend side. So "backend x" then "listen x" is accepted.
    private void ReportNameClash(ConfigLine line, ProxyKind kind, string name, bool frontendSide)
    {
        var other = _proxies.FirstOrDefault(p => p.Name == name && (frontendSide ? p.HasFrontendCapability : p.HasBackendCapability));
        if (other is not null)
        {
            var kindWord = kind == ProxyKind.Listen ? "proxy" : line.Keyword;
            diagnostics.Alert(line.Location,
                $"{kindWord} '{name}' has the same name as {other.KindWord} '{other.Name}' declared at {other.Location}.",
                prefix: LocationPrefix.ParsingCapital);
        }
    }

    // Proxy names: letters, digits, '-', '_', '.', ':' (haproxy 2.6 src/tools.c invalid_char).
    private static char? InvalidNameCharacter(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return c;
            }
        }

        return null;
    }
}
