using System.Globalization;
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
        if (line.Count < 3)
        {
            diagnostics.Alert(line.Location, "'server' expects <name> and <addr>[:<port>] as arguments.", "server", LocationPrefix.Bracket);
            return null;
        }

        var name = line[1];
        var (host, portText) = AddressParser.Split(line[2]);
        int? port = null;
        if (!string.IsNullOrEmpty(portText))
        {
            var bad = portText.FirstOrDefault(c => !char.IsAsciiDigit(c));
            if (bad != default)
            {
                diagnostics.Alert(line.Location, $"'server {backendName}/{name}' : invalid character '{bad}' in port number '{portText}' in '{line[2]}'\n",
                    "server", LocationPrefix.Bracket);
                return null;
            }

            port = int.Parse(portText, CultureInfo.InvariantCulture);
        }

        var weight = ServerDefinition.DefaultWeight;
        for (var i = 3; i < line.Count; i++)
        {
            switch (line[i])
            {
                case "weight":
                    // HAProxy reads the number with atol(): "x" silently becomes 0; only the range is checked.
                    weight = LeadingInteger(line[++i]);
                    if (weight is < 0 or > ServerDefinition.MaxWeight)
                    {
                        diagnostics.Alert(line.Location,
                            $"'server {backendName}/{name}' : weight of server {name} is not within 0 and {ServerDefinition.MaxWeight} ({weight})..",
                            "server", LocationPrefix.Bracket);
                        return null;
                    }

                    break;
                default:
                    var suggestion = KeywordSuggester.Suggest(line[i], ServerKeywords);
                    var hint = suggestion is null ? "" : $"; did you mean '{suggestion}' maybe ?";
                    diagnostics.Alert(line.Location, $"'server {backendName}/{name}' : unknown keyword '{line[i]}'{hint}",
                        "server", LocationPrefix.Bracket);
                    return null;
            }
        }

        return new ServerDefinition(line.Location, name, host, port, weight);
    }

    private static int LeadingInteger(string text)
    {
        var end = text.StartsWith('-') ? 1 : 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return int.TryParse(text.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
