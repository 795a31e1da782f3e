using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>`bind [addr]:port[-end][,[addr]:port[-end]]… [param*]` → <see cref="BindDefinition"/>.</summary>
internal static class BindParser
{
    /// <summary>Parses the line of a section named <paramref name="sectionWord"/>; returns null after reporting a diagnostic.</summary>
    public static BindDefinition? Parse(ConfigLine line, string sectionWord, DiagnosticBag diagnostics, string? crtBase = null)
    {
        if (line[1].Length == 0)
        {
            diagnostics.Alert(line.Location, "'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.", "bind");
            return null;
        }

        var endpoints = new List<BindEndpoint>();
        var parts = line[1].Split(',');
        for (var index = 0; index < parts.Length; index++)
        {
            // haproxy 2.6 str2listener: a comma at the very end adds nothing; an empty address elsewhere is an error.
            if (parts[index].Length == 0 && index > 0 && index == parts.Length - 1)
            {
                break;
            }

            if (ParseAddress(parts[index], endpoints) is { } error)
            {
                diagnostics.Alert(line.Location, $"'bind' : {error}", "bind");
                return null;
            }
        }

        return ParseSettings(line, sectionWord, new BindDefinition(line.Location, line[1], endpoints), diagnostics, crtBase);
    }

    // The words after the address (haproxy 2.6 src/cfgparse-listen.c bind_parse_args_list and the bind keyword parsers).
    private static BindDefinition? ParseSettings(ConfigLine line, string sectionWord, BindDefinition bind, DiagnosticBag diagnostics, string? crtBase)
    {
        var prefix = $"'bind {line[1]}' in section '{sectionWord}'";
        var certificates = new List<string>();
        var lists = new List<string>();
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < line.Count; i++)
        {
            var keyword = line[i];
            if (!BindKeywords.Arguments.TryGetValue(keyword, out var count))
            {
                var suggestion = Sections.KeywordSuggester.Suggest(keyword, BindKeywords.Arguments.Keys);
                var hint = suggestion is null ? "." : $"; did you mean '{suggestion}' maybe ?";
                return Fail($"{prefix}: unknown keyword '{keyword}'{hint}");
            }

            var argument = count == 0 ? "" : line[i + 1];
            if (keyword is "crt" or "crt-list" && crtBase is not null && !argument.StartsWith('/'))
            {
                // haproxy 2.6: a relative certificate path is taken under the global crt-base.
                argument = $"{crtBase}/{argument}";
            }

            if (count == 1 && argument.Length == 0)
            {
                return Fail($"{prefix} : {BindArgumentChecks.MissingArgument(keyword)}");
            }

            switch (keyword)
            {
                case "ssl":
                    bind = bind with { Ssl = true };
                    break;
                case "crt":
                    // haproxy 2.6 loads certificates while parsing: a missing file is an error at once.
                    if (!File.Exists(argument) && !Directory.Exists(argument))
                    {
                        return Fail($"{prefix} : unable to stat SSL certificate from file '{argument}' : No such file or directory.");
                    }

                    if (Tls.CertificateFile.Check(argument) is { } unreadable)
                    {
                        return Fail($"{prefix} : {unreadable}");
                    }

                    certificates.Add(argument);
                    break;
                case "crt-list":
                    if (!File.Exists(argument))
                    {
                        return Fail($"{prefix} : 'crt-list' : cannot open file '{argument}' : No such file or directory");
                    }

                    // haproxy 2.6 loads every certificate of the list while parsing, too.
                    foreach (var entry in Tls.CrtListEntry.Read(argument, crtBase, out _))
                    {
                        if (!File.Exists(entry.Path) && !Directory.Exists(entry.Path))
                        {
                            return Fail($"{prefix} : 'crt-list' : unable to stat SSL certificate from file '{entry.Path}' : No such file or directory.");
                        }

                        if (Tls.CertificateFile.Check(entry.Path) is { } listed)
                        {
                            return Fail($"{prefix} : 'crt-list' : {listed}");
                        }
                    }

                    lists.Add(argument);
                    break;
                case "alpn":
                    bind = bind with { Alpn = argument };
                    break;
                case "maxconn":
                    // haproxy 2.6 src/listener.c bind_parse_maxconn: atol(), so "10x" is 10 and "x" is 0 (unset);
                    // only a negative value is refused.
                    var maxConn = CStyleInteger.Atol(argument);
                    if (maxConn < 0)
                    {
                        return Fail($"{prefix} : 'maxconn' : invalid value {maxConn}, must be >= 0");
                    }

                    bind = bind with { MaxConn = (int)Math.Min(maxConn, int.MaxValue) };
                    break;
                default:
                    others[keyword] = argument;
                    break;
            }

            i += count;
        }

        if (certificates.Count > 0 || lists.Count > 0)
        {
            bind = bind with { Certificates = certificates, CertificateLists = lists };
        }

        return others.Count == 0 ? bind : bind with { OtherSettings = others };

        BindDefinition? Fail(string message)
        {
            diagnostics.Alert(line.Location, message, "bind");
            return null;
        }
    }

    // haproxy 2.6 src/tools.c str2sa_range with a mandatory port, port ranges allowed and no port offsets. Ports
    // are read with atoi(), so "8a" is port 8. Returns HAProxy's wording of the problem, or null.
    private static string? ParseAddress(string part, List<BindEndpoint> endpoints)
    {
        if (part.Length == 0)
        {
            return "'' resolves to an empty address (environment variable missing?)";
        }

        var (host, port) = AddressParser.Split(part);
        if (port is null or "")
        {
            return $"missing port specification in '{part}'";
        }

        if (port[0] is '-' or '+')
        {
            return $"port offset not permitted here in '{part}'";
        }

        if (!char.IsAsciiDigit(port[0]))
        {
            return $"invalid character '{port[0]}' in port number '{port}' in '{part}'";
        }

        var dash = port.IndexOf('-');
        var lowText = dash < 0 ? port : port[..dash];
        var highText = dash < 0 ? port : port[(dash + 1)..];
        var low = CStyleInteger.Atoi(lowText);
        var high = CStyleInteger.Atoi(highText);
        if (low is < 1 or > 65535)
        {
            return $"invalid port '{lowText}'";
        }

        if (high is < 1 or > 65535)
        {
            return $"invalid port '{highText}'";
        }

        if (low > high)
        {
            return $"invalid port range '{low}-{high}'";
        }

        if (!AddressParser.IsPlausibleHost(host))
        {
            return $"invalid address: '{host}' in '{part}'";
        }

        for (var p = low; p <= high; p++)
        {
            endpoints.Add(new BindEndpoint(AddressParser.Unbracket(host), p));
        }

        return null;
    }
}
