using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;
using ConfigParser.Sections;

namespace ConfigParser.Directives;

/// <summary>
/// `server &lt;name&gt; &lt;addr&gt;[:port] [settings…]` and `default-server [settings…]` → <see cref="ServerDefinition"/>
/// (haproxy 2.6 src/server.c parse_server, configuration.txt §5.2). Every 2.6 server keyword is recognised; the
/// common ones are typed, the others kept as written in <see cref="ServerDefinition.OtherSettings"/>.
/// </summary>
internal static partial class ServerParser
{
    /// <summary>Parses the line for backend <paramref name="backendName"/>; returns null after reporting a diagnostic.</summary>
    /// <param name="line">The `server` line.</param>
    /// <param name="backendName">The proxy's name, for messages.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="defaults">The settings of the last `default-server` line, if any.</param>
    public static ServerDefinition? Parse(ConfigLine line, string backendName, DiagnosticBag diagnostics, ServerDefinition? defaults = null)
    {
        if (line[2].Length == 0)
        {
            return Fail(line, "'server' expects <name> and <addr>[:<port>] as arguments.", diagnostics);
        }

        var name = line[1];
        var bad = name.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '_' or '-'));
        if (name.Length == 0 || bad != default)
        {
            // HAProxy prints the C string, so an empty name (bad character NUL) cuts the message short.
            return Fail(line, name.Length == 0 ? "character '" : $"character '{bad}' is not permitted in server name '{name}'.", diagnostics);
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
                    return Fail(line, $"{prefix}port range not permitted here in '{line[2]}'", diagnostics);
                case >= '0' and <= '9':
                    var value = CStyleInteger.Atoi(portText);
                    if (value > 65535)
                    {
                        return Fail(line, $"{prefix}invalid port '{portText}'", diagnostics);
                    }

                    // Port 0 means the same as no port: the one the client connected to.
                    port = value == 0 ? null : value;
                    break;
                case '+' or '-':
                    return Fail(line, $"{prefix}port offsets ('{portText}') are not supported by this proxy yet.", diagnostics);
                default:
                    return Fail(line, $"{prefix}invalid character '{portText[0]}' in port number '{portText}' in '{line[2]}'\n", diagnostics);
            }
        }

        var start = (defaults ?? new ServerDefinition(line.Location, "", "", null, ServerDefinition.DefaultWeight))
            with { Location = line.Location, Name = name, Host = AddressParser.Unbracket(host), Port = port };
        var server = ParseSettings(line, 3, start, prefix, name, diagnostics);
        if (server is { AgentCheck: true, AgentPort: null })
        {
            // haproxy 2.6 (2.6.12 output): an agent needs `agent-port`; the error is fatal.
            diagnostics.Alert(line.Location, $"{prefix}server {name} does not have agent port. Agent check has been disabled.", "server", LocationPrefix.Bracket);
            return server with { AgentCheck = false };
        }

        return server;
    }

    /// <summary>Parses a `default-server` line: settings only, applied to the servers declared after it.</summary>
    public static ServerDefinition? ParseDefaults(ConfigLine line, string backendName, DiagnosticBag diagnostics, ServerDefinition? previous)
    {
        var start = (previous ?? new ServerDefinition(line.Location, "", "", null, ServerDefinition.DefaultWeight)) with { Location = line.Location };
        // haproxy 2.6 names no server in a default-server message, and hints that no address was expected.
        return ParseSettings(line, 1, start, "", "", diagnostics);
    }

    private static ServerDefinition? ParseSettings(ConfigLine line, int first, ServerDefinition server, string prefix, string name,
        DiagnosticBag diagnostics)
    {
        var others = new Dictionary<string, string>(server.OtherSettings, StringComparer.Ordinal);
        for (var i = first; i < line.Count; i++)
        {
            var keyword = line[i];
            if (!ServerKeywords.Arguments.TryGetValue(keyword, out var count))
            {
                var suggestion = KeywordSuggester.Suggest(keyword, ServerKeywords.Arguments.Keys);
                var hint = suggestion is null ? "." : $"; did you mean '{suggestion}' maybe ?";
                var defaultsHint = name.Length == 0 ? " Hint: no address was expected for this server." : "";
                return Fail(line, $"{prefix}unknown keyword '{keyword}'{hint}{defaultsHint}", diagnostics);
            }

            var argument = count == 0 ? "" : line[i + 1];
            var error = ServerArgumentChecks.Check(keyword, argument) ?? Apply(keyword, argument, name, ref server);
            if (error is not null)
            {
                return Fail(line, prefix + error, diagnostics);
            }

            if (!TypedKeywords.Contains(keyword))
            {
                others[keyword] = argument;
            }

            i += count;
        }

        return others.Count == server.OtherSettings.Count ? server : server with { OtherSettings = others };
    }

    private static ServerDefinition? Fail(ConfigLine line, string message, DiagnosticBag diagnostics)
    {
        diagnostics.Alert(line.Location, message, "server", LocationPrefix.Bracket);
        return null;
    }
}
