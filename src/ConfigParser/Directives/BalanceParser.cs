using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>`balance ALGORITHM [ARGS]` → <see cref="BalanceDefinition"/> (haproxy 2.6 src/backend.c backend_parse_balance).</summary>
internal static class BalanceParser
{
    private const string OnlySupports =
        "balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.";

    /// <summary>Parses a `balance` line; returns null after reporting an alert.</summary>
    public static BalanceDefinition? Parse(ConfigLine line, DiagnosticBag diagnostics)
    {
        // No argument means roundrobin.
        var word = line.Count < 2 ? BalanceAlgorithms.RoundRobin : line[1];
        var (algorithm, inner) = Split(word);
        var arguments = line.Words.Skip(2).ToList();
        var definition = new BalanceDefinition(line.Location, algorithm, arguments);
        switch (algorithm)
        {
            case BalanceAlgorithms.RoundRobin or BalanceAlgorithms.StaticRoundRobin or BalanceAlgorithms.LeastConn
                or BalanceAlgorithms.First or BalanceAlgorithms.Source when inner is null:
                return definition;
            case BalanceAlgorithms.Uri when inner is null:
                return ParseUri(line, definition, diagnostics);
            case BalanceAlgorithms.UrlParam when inner is null:
                return ParseUrlParam(line, definition, diagnostics);
            case BalanceAlgorithms.Header when inner is not null:
                if (inner.Length == 0)
                {
                    return Fail(line, "balance hdr requires an http header field name.", diagnostics);
                }

                if (line[2].Length > 0 && line[2] != "use_domain_only")
                {
                    return Fail(line, $"balance {word} only accepts 'use_domain_only' modifier (got '{line[2]}').", diagnostics);
                }

                return definition with { Name = inner, UseDomainOnly = line[2] == "use_domain_only" };
            case BalanceAlgorithms.Random:
                return ParseRandom(line, word, definition, diagnostics);
            case BalanceAlgorithms.RdpCookie:
                return definition with { Name = string.IsNullOrEmpty(inner) ? "mstshash" : inner };
            case BalanceAlgorithms.Hash when inner is null:
                if (line[2].Length == 0)
                {
                    return Fail(line, "balance hash requires a sample expression.", diagnostics);
                }

                if (line[3].Length > 0)
                {
                    return Fail(line, $"balance hash takes no other argument (got '{line[3]}').", diagnostics);
                }

                return definition with { HashExpression = line[2], HashSample = SampleExpressionParser.Parse([line[2]]).Expression };
            default:
                return Fail(line, OnlySupports, diagnostics);
        }
    }

    // "hdr(Host)" → ("hdr", "Host"); "random" → ("random", null).
    private static (string Algorithm, string? Inner) Split(string word)
    {
        var open = word.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (word, null);
        }

        var close = word.IndexOf(')', open + 1);
        return (word[..open], word[(open + 1)..(close < 0 ? word.Length : close)]);
    }

    // haproxy 2.6 backend_parse_balance: `random(N)`, N read with strtol, at least 1; 2 when absent or empty.
    private static BalanceDefinition? ParseRandom(ConfigLine line, string word, BalanceDefinition definition, DiagnosticBag diagnostics)
    {
        var open = word.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return definition with { RandomDraws = 2 };
        }

        var close = word.IndexOf(')', open);
        if (close < 0)
        {
            return Fail(line, "balance random : missing closing parenthesis.", diagnostics);
        }

        var inner = word.AsSpan(open + 1, close - open - 1);
        if (inner.IsEmpty)
        {
            return definition with { RandomDraws = 2 };
        }

        var end = inner.Length > 0 && inner[0] is '-' or '+' ? 1 : 0;
        while (end < inner.Length && char.IsAsciiDigit(inner[end]))
        {
            end++;
        }

        if (end < inner.Length)
        {
            return Fail(line, $"balance random : unexpected character '{inner[end]}' after argument.", diagnostics);
        }

        var draws = CStyleInteger.Atoi(inner.ToString());
        return draws < 1
            ? Fail(line, "balance random : number of draws must be at least 1.", diagnostics)
            : definition with { RandomDraws = draws };
    }

    private static BalanceDefinition? ParseUri(ConfigLine line, BalanceDefinition definition, DiagnosticBag diagnostics)
    {
        for (var i = 2; i < line.Count; i++)
        {
            switch (line[i])
            {
                case "len" or "depth":
                    if (line[i + 1].Length == 0 || CStyleInteger.Atoi(line[i + 1]) <= 0)
                    {
                        return Fail(line, $"balance uri : '{line[i]}' expects a positive integer (got '{line[i + 1]}').", diagnostics);
                    }

                    var value = CStyleInteger.Atoi(line[++i]);
                    definition = line[i - 1] == "len" ? definition with { UriLength = value } : definition with { UriDepth = value };
                    break;
                case "whole":
                    definition = definition with { UriWhole = true };
                    break;
                case "path-only":
                    definition = definition with { UriPathOnly = true };
                    break;
                default:
                    return Fail(line, $"balance uri only accepts parameters 'len', 'depth', 'path-only', and 'whole' (got '{line[i]}').", diagnostics);
            }
        }

        return definition;
    }

    private static BalanceDefinition? ParseUrlParam(ConfigLine line, BalanceDefinition definition, DiagnosticBag diagnostics)
    {
        if (line[2].Length == 0)
        {
            return Fail(line, "balance url_param requires an URL parameter name.", diagnostics);
        }

        definition = definition with { Name = line[2] };
        if (line[3].Length > 0 && line[3] != "check_post")
        {
            return Fail(line, $"balance url_param only accepts 'check_post' modifier (got '{line[3]}').", diagnostics);
        }

        if (line[3] == "check_post")
        {
            definition = definition with { CheckPost = line[4].Length == 0 ? 0 : CStyleInteger.Atoi(line[4]) };
        }

        return definition;
    }

    private static BalanceDefinition? Fail(ConfigLine line, string message, DiagnosticBag diagnostics)
    {
        diagnostics.Alert(line.Location, message, "balance");
        return null;
    }
}
