using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>`stick-table …` → <see cref="StickTableDefinition"/> (haproxy 2.6 src/stick_table.c parse_stick_table).</summary>
internal static class StickTableParser
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "ip", "ipv6", "integer", "string", "binary" };

    /// <summary>Parses a `stick-table` line; returns null after an alert.</summary>
    public static StickTableDefinition? Parse(ConfigLine line, DiagnosticBag diagnostics)
    {
        string? type = null;
        long size = 0;
        var table = new StickTableDefinition(line.Location, "", 0);
        for (var i = 1; i < line.Count; i++)
        {
            var word = line[i];
            if (word is "size" or "expire" or "peers" or "type" or "store" && line[i + 1].Length == 0)
            {
                return Fail($"missing argument after '{word}'.");
            }

            switch (word)
            {
                case "size":
                    if (SizeValueParser.Parse(line[++i], out size) is { } badSize)
                    {
                        return Fail($"unexpected character '{badSize}' in argument of 'size'.");
                    }

                    break;
                case "expire":
                    if (TimeValueParser.Parse(line[++i], out var expire, out var badTime, out _) == TimeValueParser.Failure.UnexpectedCharacter)
                    {
                        return Fail($"unexpected character '{badTime}' in argument of 'expire'.");
                    }

                    table = table with { Expire = expire };
                    break;
                case "nopurge":
                    table = table with { NoPurge = true };
                    break;
                case "peers":
                    table = table with { Peers = line[++i] };
                    break;
                case "store":
                    table = table with { Store = [.. table.Store, .. line[++i].Split(',')] };
                    break;
                case "type":
                    type = line[++i];
                    if (!Types.Contains(type))
                    {
                        return Fail($"unknown type '{type}'.");
                    }

                    if (type is "string" or "binary" && line[i + 1] == "len")
                    {
                        table = table with { KeyLength = CStyleInteger.Atoi(line[i + 2]) };
                        i += 2;
                    }

                    break;
                default:
                    return Fail($"unknown argument '{word}'.");
            }
        }

        if (size == 0)
        {
            return Fail("missing size.");
        }

        return type is null ? Fail("missing type.") : table with { Type = type, Size = size };

        StickTableDefinition? Fail(string message)
        {
            diagnostics.Alert(line.Location, $"stick-table: {message}", "stick-table");
            return null;
        }
    }
}
