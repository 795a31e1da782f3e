using ConfigParser.Diagnostics;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// `option NAME …` in defaults/frontend/backend/listen: every option HAProxy 2.6 accepts (the registered boolean
/// options of `haproxy -dKcfg` plus those src/cfgparse-listen.c parses itself), with HAProxy's wording for unknown
/// and removed options, refused negations and extra arguments.
/// </summary>
internal static class OptionKeywords
{
    private static readonly OptionSpec Flag = new(0, true);

    /// <summary>Option name → how it is checked.</summary>
    public static IReadOnlyDictionary<string, OptionSpec> Specs { get; } = BuildSpecs();

    /// <summary>
    /// Names HAProxy 2.6 offers when it suggests a fix for an unknown option: the valid ones plus its common_options
    /// list, which spells one that does not exist ("original-to").
    /// </summary>
    private static readonly IReadOnlyList<string> Suggestions =
        [.. Specs.Where(s => s.Value.Removed is null).Select(s => s.Key), "original-to"];

    /// <summary>Parses the `option` line of <paramref name="c"/>; returns null after reporting.</summary>
    public static ProxyOption? Parse(KeywordContext<ProxyBuilder> c)
    {
        var name = c.Line[1];
        if (name.Length == 0)
        {
            c.Diagnostics.Alert(c.At, "'option' expects an option name.", "option", LocationPrefix.ParsingTight);
            return null;
        }

        if (!Specs.TryGetValue(name, out var spec))
        {
            var suggestion = KeywordSuggester.Suggest(name, Suggestions);
            var hint = suggestion is null ? "." : $"; did you mean '{suggestion}' maybe ?";
            c.Diagnostics.Alert(c.At, $"unknown option '{name}'{hint}", "option");
            return null;
        }

        if (spec.Removed is not null)
        {
            c.Diagnostics.Alert(c.At, spec.Removed, "option", LocationPrefix.ParsingTight);
            return null;
        }

        if (c.Modifier != KeywordModifier.None && !spec.AllowsNegation)
        {
            c.Diagnostics.Alert(c.At, $"negation/default is not supported for option '{name}'.", "option", LocationPrefix.ParsingTight);
            return null;
        }

        if (spec.MaxArguments >= 0 && c.Line[spec.MaxArguments + 2].Length > 0)
        {
            c.Diagnostics.Alert(c.At, $"'option {name}' cannot handle unexpected argument '{c.Line[spec.MaxArguments + 2]}'.", "option");
            return null;
        }

        if (name == "pgsql-check" && (c.Line[2] != "user" || c.Line[3].Length == 0))
        {
            c.Diagnostics.Alert(c.At, "'option pgsql-check' expects 'user <username>' as argument.", "option");
            return null;
        }

        if (name == "httplog" && c.Line[2].Length > 0 && c.Line[2] != "clf")
        {
            c.Diagnostics.Alert(c.At, "keyword 'httplog' only supports option 'clf'.", "option");
            return null;
        }

        WarnWrongSide(c, name, spec);
        string[] arguments = [.. c.Line.Words.Skip(2)];
        return name switch
        {
            "forwardfor" or "originalto" => ParseForwardFor(c, name, arguments),
            "httpchk" => arguments.Length switch
            {
                0 => new HttpCheckOption(c.At, arguments, "OPTIONS", "/", null),
                1 => new HttpCheckOption(c.At, arguments, "OPTIONS", arguments[0], null),
                2 => new HttpCheckOption(c.At, arguments, arguments[0], arguments[1], null),
                _ => new HttpCheckOption(c.At, arguments, arguments[0], arguments[1], arguments[2]),
            },
            "redispatch" => new RedispatchOption(c.At, c.Modifier != KeywordModifier.No, arguments,
                arguments.Length == 0 ? -1 : Directives.CStyleInteger.Atoi(arguments[0])),
            "httplog" or "httpslog" or "tcplog" => new HttpLogOption(c.At, name, arguments, arguments is ["clf"]),
            _ => new ProxyOption(c.At, name, c.Modifier != KeywordModifier.No, arguments),
        };
    }

    // haproxy 2.6 warnifnotcap: a one-sided option on a proxy without that side is ignored (still parsed); the log
    // format options have their own wording in backends.
    private static void WarnWrongSide(KeywordContext<ProxyBuilder> c, string name, OptionSpec spec)
    {
        if (name is "httplog" or "httpslog" or "tcplog" && !c.Section.HasFrontendCapability)
        {
            c.Diagnostics.Warning(c.At, $"{c.Section.Description} : 'option {name}' directive is ignored in backends.", "option");
        }
        else if (spec.Side == "frontend" && !c.Section.HasFrontendCapability)
        {
            c.Diagnostics.Warning(c.At, $"'{name}' ignored because {c.Section.Description} has no frontend capability.", "option");
        }
        else if (spec.Side == "backend" && !c.Section.HasBackendCapability)
        {
            c.Diagnostics.Warning(c.At, $"'{name}' ignored because {c.Section.Description} has no backend capability.", "option");
        }
    }

    // haproxy 2.6 src/cfgparse-listen.c "forwardfor" / "originalto" branches.
    private static ForwardForOption? ParseForwardFor(KeywordContext<ProxyBuilder> c, string name, string[] arguments)
    {
        string? except = null;
        string? header = null;
        var ifNone = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case "except":
                    if (i + 1 >= arguments.Length)
                    {
                        c.Diagnostics.Alert(c.At, $"'option {name} except' expects <address>[/mask] as argument.", "option");
                        return null;
                    }

                    except = arguments[++i];
                    break;
                case "header":
                    if (i + 1 >= arguments.Length)
                    {
                        c.Diagnostics.Alert(c.At, $"'option {name} header' expects <header_name> as argument.", "option");
                        return null;
                    }

                    header = arguments[++i];
                    break;
                case "if-none" when name == "forwardfor":
                    ifNone = true;
                    break;
                default:
                    c.Diagnostics.Alert(c.At, name == "forwardfor"
                        ? "'option forwardfor' only supports optional values: 'except', 'header' and 'if-none'."
                        : "'option originalto' only supports optional values: 'except' and 'header'.", "option");
                    return null;
            }
        }

        return new ForwardForOption(c.At, name, arguments, except, header, ifNone);
    }

    private static Dictionary<string, OptionSpec> BuildSpecs()
    {
        var specs = new Dictionary<string, OptionSpec>(StringComparer.Ordinal);

        // Boolean options registered in haproxy 2.6 (cfg_opts, cfg_opts2; `haproxy -dKcfg`).
        foreach (var name in new[]
        {
            "abortonclose", "accept-invalid-http-request", "accept-invalid-http-response", "allbackups", "checkcache",
            "clitcpka", "contstats", "disable-h2-upgrade", "dontlog-normal", "dontlognull", "h1-case-adjust-bogus-client",
            "h1-case-adjust-bogus-server", "http-buffer-request", "http-ignore-probes", "http-no-delay",
            "http-pretend-keepalive", "http-use-proxy-header", "idle-close-on-response", "independent-streams",
            "log-health-checks", "log-separate-errors", "logasap", "nolinger", "persist", "prefer-last-server",
            "socket-stats", "splice-auto", "splice-request", "splice-response", "srvtcpka", "tcp-smart-accept",
            "tcp-smart-connect", "transparent",
        })
        {
            specs[name] = Flag;
        }

        // Options src/cfgparse-listen.c parses itself.
        specs["httpclose"] = Flag;
        specs["http-server-close"] = Flag;
        specs["http-keep-alive"] = Flag;
        specs["redispatch"] = new OptionSpec(1, true);
        specs["httplog"] = new OptionSpec(1, false);
        specs["httpslog"] = new OptionSpec(0, false);
        specs["tcplog"] = new OptionSpec(0, false);
        specs["tcpka"] = new OptionSpec(0, false);
        specs["httpchk"] = new OptionSpec(3, false);
        specs["ssl-hello-chk"] = new OptionSpec(0, false);
        specs["smtpchk"] = new OptionSpec(2, false);
        specs["pgsql-check"] = new OptionSpec(-1, false);
        specs["redis-check"] = new OptionSpec(0, false);
        specs["mysql-check"] = new OptionSpec(-1, false);
        specs["ldap-check"] = new OptionSpec(0, false);
        specs["spop-check"] = new OptionSpec(0, false);
        specs["tcp-check"] = new OptionSpec(0, false);
        specs["external-check"] = new OptionSpec(0, false);
        specs["forwardfor"] = new OptionSpec(-1, false);
        specs["originalto"] = new OptionSpec(-1, false);
        specs["http-restrict-req-hdr-names"] = new OptionSpec(1, false);

        // Options that act on one side only (`haproxy -dKcfg` flags; the check options need a backend).
        foreach (var name in new[]
        {
            "accept-invalid-http-request", "clitcpka", "contstats", "disable-h2-upgrade", "dontlog-normal",
            "dontlognull", "h1-case-adjust-bogus-client", "http-ignore-probes", "http-use-proxy-header",
            "idle-close-on-response", "log-separate-errors", "logasap", "socket-stats", "tcp-smart-accept",
        })
        {
            specs[name] = specs[name] with { Side = "frontend" };
        }

        foreach (var name in new[]
        {
            "abortonclose", "accept-invalid-http-response", "allbackups", "checkcache", "h1-case-adjust-bogus-server",
            "http-pretend-keepalive", "log-health-checks", "persist", "prefer-last-server", "srvtcpka", "tcp-smart-connect", "transparent",
            "redispatch", "httpchk", "ssl-hello-chk", "smtpchk", "pgsql-check", "redis-check", "mysql-check", "ldap-check", "spop-check",
            "tcp-check", "external-check",
        })
        {
            specs[name] = specs[name] with { Side = "backend" };
        }

        // Removed options: haproxy 2.6 names the version and the replacement.
        specs["http_proxy"] = new OptionSpec(-1, false,
            "option 'http_proxy' is not supported any more since HAProxy 2.5. This option stopped working in HAProxy 1.9 and usually had nasty side effects. It can be more reliably implemented with combinations of 'http-request set-dst' and 'http-request set-uri', and even 'http-request do-resolve' if DNS resolution is desired.");
        specs["forceclose"] = new OptionSpec(-1, false,
            "option 'forceclose' is not supported any more since HAProxy 2.0, please just remove it, or use 'option httpclose' if absolutely needed.");
        specs["http-tunnel"] = new OptionSpec(-1, false,
            "option 'http-tunnel' is not supported any more since HAProxy 2.1, please just remove it, it shouldn't be needed.");
        return specs;
    }
}
