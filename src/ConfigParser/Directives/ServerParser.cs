using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Sections;

namespace ConfigParser.Directives;

/// <summary>`server &lt;name&gt; &lt;addr&gt;[:port] [weight N]` → <see cref="ServerDefinition"/>.</summary>
internal static class ServerParser
{
    private static readonly string[] ServerKeywords = ["weight"];

    /// <summary>Parses the line for backend <paramref name="backendName"/>; returns null after reporting a diagnostic.</summary>
    public static ServerDefinition? Parse(ConfigLine line, string backendName, DiagnosticBag diagnostics)
    {
        if (line[2].Length == 0)
        {
            return Fail("'server' expects <name> and <addr>[:<port>] as arguments.");
        }

        var name = line[1];
        var bad = name.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '_' or '-'));
        if (name.Length == 0 || bad != default)
        {
            // HAProxy prints the C string, so an empty name (bad character NUL) cuts the message short.
            return Fail(name.Length == 0 ? "character '" : $"character '{bad}' is not permitted in server name '{name}'.");
        }

        var prefix = $"'server {backendName}/{name}' : ";
        var (host, portText) = AddressParser.Split(line[2]);
        int? port = null;
        if (!string.IsNullOrEmpty(portText))
        {
            // haproxy 2.6 str2sa_range for servers: optional port, no range, read with atoi() ("8a" is 8).
            switch (portText[0])
            {
                case >= '0' and <= '9' when portText.Contains('-'):
                    return Fail($"{prefix}port range not permitted here in '{line[2]}'");
                case >= '0' and <= '9':
                    var value = CStyleInteger.Atoi(portText);
                    if (value > 65535)
                    {
                        return Fail($"{prefix}invalid port '{portText}'");
                    }

                    // Port 0 means the same as no port: the one the client connected to.
                    port = value == 0 ? null : value;
                    break;
                case '+' or '-':
                    return Fail($"{prefix}port offsets ('{portText}') are not supported by this proxy yet.");
                default:
                    return Fail($"{prefix}invalid character '{portText[0]}' in port number '{portText}' in '{line[2]}'\n");
            }
        }

        var weight = ServerDefinition.DefaultWeight;
        for (var i = 3; i < line.Count; i++)
        {
            switch (line[i])
            {
                case "weight":
                    // HAProxy reads the number with atol() into an int: "x" is 0, only the range is checked.
                    weight = CStyleInteger.Atoi(line[++i]);
                    if (weight is < 0 or > ServerDefinition.MaxWeight)
                    {
                        return Fail($"{prefix}weight of server {name} is not within 0 and {ServerDefinition.MaxWeight} ({weight})..");
                    }

                    break;
                default:
                    var suggestion = KeywordSuggester.Suggest(line[i], ServerKeywords);
                    var hint = suggestion is null ? "." : $"; did you mean '{suggestion}' maybe ?";
                    return Fail($"{prefix}unknown keyword '{line[i]}'{hint}");
            }
        }

        return new ServerDefinition(line.Location, name, AddressParser.Unbracket(host), port, weight);

        ServerDefinition? Fail(string message)
        {
            diagnostics.Alert(line.Location, message, "server", LocationPrefix.Bracket);
            return null;
        }
    }
}
