using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>`bind [addr]:port[-end][,[addr]:port[-end]]… [param*]` → <see cref="BindDefinition"/>.</summary>
internal static class BindParser
{
    /// <summary>Parses the line of a section named <paramref name="sectionWord"/>; returns null after reporting a diagnostic.</summary>
    public static BindDefinition? Parse(ConfigLine line, string sectionWord, DiagnosticBag diagnostics)
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

        if (line.Count > 2)
        {
            // Bind options (ssl, crt, alpn, maxconn…) come with later work; refuse rather than ignore them.
            diagnostics.Alert(line.Location, $"'bind {line[1]}' in section '{sectionWord}': unknown keyword '{line[2]}'.", "bind");
            return null;
        }

        return new BindDefinition(line.Location, line[1], endpoints);
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
