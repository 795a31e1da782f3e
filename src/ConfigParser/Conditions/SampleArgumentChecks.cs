namespace ConfigParser.Conditions;

/// <summary>
/// The checks some fetches and converters make on their own arguments at load time (their `val_args` in
/// HAProxy 2.6: src/vars.c, src/map.c, src/sample.c, src/tcp_sample.c), with HAProxy's messages. Returns the
/// inner message, or null when the arguments are fine or the keyword has no check implemented here.
/// </summary>
internal static class SampleArgumentChecks
{
    private static readonly string[] Scopes = ["proc.", "sess.", "txn.", "req.", "res.", "check."];

    /// <summary>A fetch's own check ("invalid args in fetch method '…' : &lt;this&gt;").</summary>
    public static string? ForFetch(string name, IReadOnlyList<string> arguments)
    {
        var first = arguments.Count > 0 ? arguments[0] : "";
        return name switch
        {
            "var" => VariableName(first, "Empty variable name cannot be accepted"),
            "bool" when first is not ("true" or "false" or "0" or "1") => "Expects 'true', 'false', '0' or '1'",
            "fc_rtt" or "fc_rttvar" when arguments.Count > 0 && first is not ("us" or "ms")
                => $"expects 'us' or 'ms', got '{first}'",
            "uuid" when arguments.Count > 0 && first != "4" => $"Unsupported UUID version: '{first}'",
            "bin" => first.Length == 0 ? "(null)" : HexError(first),
            _ => null,
        };
    }

    /// <summary>A converter's own check ("invalid args in converter '…' : &lt;this&gt;").</summary>
    public static string? ForConverter(string name, IReadOnlyList<string> arguments)
    {
        var first = arguments.Count > 0 ? arguments[0] : "";

        // Map converters load their file while the configuration is read (src/map.c sample_load_map).
        if (name == "map" || name.StartsWith("map_", StringComparison.Ordinal))
        {
            return File.Exists(first) ? null : $"failed to open pattern file <{first}>";
        }

        return name switch
        {
            "set-var" or "unset-var" => VariableName(first, "Empty variable name cannot be accepted"),
            "strcmp" or "secure_memcmp" => first.Length == 0 ? "missing variable name"
                : VariableName(first, "") is null ? null : $"failed to register variable name '{first}'",
            _ => null,
        };
    }

    // src/vars.c: "<scope>.<name>", name made of letters, digits, '_' and '.'.
    private static string? VariableName(string text, string emptyMessage)
    {
        if (text.Length == 0)
        {
            return emptyMessage;
        }

        var scope = Scopes.FirstOrDefault(s => text.StartsWith(s, StringComparison.Ordinal));
        if (scope is null || text.Length == scope.Length)
        {
            return $"invalid variable name '{text}'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'";
        }

        for (var i = scope.Length; i < text.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
            {
                return $"invalid syntax at char '{text[i..]}'";
            }
        }

        return null;
    }

    private static string? HexError(string text)
    {
        if (text.Length % 2 != 0)
        {
            return "an even number of hex digit is expected";
        }

        var bad = text.FirstOrDefault(c => !char.IsAsciiHexDigit(c));
        return bad == default ? null : $"an hex digit is expected (found '{bad}')";
    }
}
