using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>`bind [addr]:port[-end][,[addr]:port[-end]]… [param*]` → <see cref="BindDefinition"/>.</summary>
internal static class BindParser
{
    /// <summary>Parses the line; returns null after reporting a diagnostic.</summary>
    public static BindDefinition? Parse(ConfigLine line, DiagnosticBag diagnostics)
    {
        if (line.Count < 2 || line[1].Length == 0)
        {
            diagnostics.Alert(line.Location, "'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.", "bind");
            return null;
        }

        var endpoints = new List<BindEndpoint>();
        foreach (var part in line[1].Split(','))
        {
            var (host, portText) = AddressParser.Split(part);
            if (portText is null or "")
            {
                diagnostics.Alert(line.Location, $"'bind' : missing port specification in '{part}'", "bind");
                return null;
            }

            var dash = portText.IndexOf('-');
            var lowText = dash < 0 ? portText : portText[..dash];
            var highText = dash < 0 ? portText : portText[(dash + 1)..];
            if (!TryPort(lowText, out var low) || !TryPort(highText, out var high))
            {
                diagnostics.Alert(line.Location, $"'bind' : invalid port '{portText}'", "bind");
                return null;
            }

            if (high < low)
            {
                diagnostics.Alert(line.Location, $"'bind' : invalid port range '{portText}'", "bind");
                return null;
            }

            for (var port = low; port <= high; port++)
            {
                endpoints.Add(new BindEndpoint(host, port));
            }
        }

        if (line.Count > 2)
        {
            // Bind options (ssl, crt, alpn, maxconn…) come with later work; refuse rather than ignore them.
            diagnostics.Alert(line.Location, $"'bind {line[1]}' : unknown keyword '{line[2]}'.", "bind");
            return null;
        }

        return new BindDefinition(line.Location, line[1], endpoints);
    }

    private static bool TryPort(string text, out int port)
        => int.TryParse(text, System.Globalization.NumberStyles.None, null, out port) && port is >= 1 and <= 65535;
}
