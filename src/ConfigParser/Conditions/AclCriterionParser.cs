using ConfigParser.Conditions.Keywords;
using ConfigParser.Diagnostics;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// `&lt;fetch&gt;[,conv…] [flags] [operator] [value]…`: the body shared by `acl` lines and anonymous `{ … }` ACLs
/// (src/acl.c `parse_acl_expr`). Errors are returned as HAProxy's inner message, without the caller's
/// "error detected while parsing …" prefix and without the final full stop, so each caller words it as HAProxy does.
/// </summary>
internal static partial class AclCriterionParser
{
    /// <summary>The parsed criterion, or the inner error message.</summary>
    public readonly record struct Result(AclCriterion? Criterion, string? Error);

    /// <summary>
    /// Parses <paramref name="words"/> (the fetch first). <paramref name="aclName"/> is the name HAProxy quotes
    /// in warnings ("" for anonymous ACLs); warnings go to <paramref name="diagnostics"/> without a location,
    /// as HAProxy prints them.
    /// </summary>
    public static Result Parse(IReadOnlyList<string> words, string aclName, DiagnosticBag diagnostics)
    {
        string Word(int i) => i < words.Count ? words[i] : "";

        var sample = SampleExpressionParser.Parse(words);
        if (sample.Expression is not { } expression)
        {
            return new Result(null, sample.Error);
        }

        var type = expression.OutputType;
        var keyword = sample.ImpliedMatch is null ? expression.Fetch : expression.AclKeyword!;
        var match = sample.ImpliedMatch ?? DefaultMatch(type);
        var dotted = sample.ImpliedMatch is not null && DottedVersionParser.AppliesTo(expression.AclKeyword);
        WarnNoPattern(words, match is not null && type != SampleType.Bool, diagnostics);

        var flags = AclFlags.None;
        var patterns = new List<AclPattern>();
        var files = new List<string>();
        var loaded = false;
        var i = 1;
        for (; Word(i).StartsWith('-'); i++)
        {
            switch (Word(i))
            {
                case "-i":
                    flags = flags with { IgnoreCase = true };
                    break;
                case "-n":
                    flags = flags with { NoDns = true };
                    break;
                case "-M":
                    flags = flags with { LoadAsMap = true };
                    break;
                case "-u":
                    if (!TryStrtol(Word(++i), out var id))
                    {
                        return new Result(null, "the argument of -u must be an integer");
                    }

                    flags = flags with { UniqueId = id };
                    break;
                case "-f":
                    if (match is not { } fileMatch)
                    {
                        return new Result(null, MethodFirst(keyword));
                    }

                    var path = Word(++i);
                    if (PatternFileReader.Read(path, fileMatch, flags, patterns, dotted) is { } fileError)
                    {
                        return new Result(null, fileError);
                    }

                    files.Add(path);
                    loaded = true;
                    break;
                case "-m":
                    if (loaded)
                    {
                        return new Result(null, "'-m' must only be specified before patterns and files in parsing ACL expression");
                    }

                    var name = Word(++i);
                    if (KeywordCatalog.MethodOf(name) is not { } method)
                    {
                        return new Result(null, $"unknown matching method '{name}' when parsing ACL expression");
                    }

                    if (SampleCasts.ExpectedBy(method) is { } expected && !SampleCasts.CanCast(type, expected))
                    {
                        return new Result(null, $"matching method '{name}' cannot be used with fetch keyword '{keyword}'");
                    }

                    match = method;
                    dotted = false;
                    break;
                case "--":
                    i++;
                    goto EndOfFlags;
                default:
                    return new Result(null, $"'{Word(i)}' is not a valid ACL option. Please use '--' before any pattern beginning with a '-'");
            }
        }

    EndOfFlags:
        if (match is not { } finalMatch)
        {
            return new Result(null, MethodFirst(keyword));
        }

        if (ReadPatterns(words, i, finalMatch, flags.IgnoreCase, dotted, patterns) is { } error)
        {
            return new Result(null, error);
        }

        WarnParenthesis(words, aclName, diagnostics);
        return new Result(new AclCriterion(expression, finalMatch, flags with { PatternFiles = files }, patterns), null);
    }

    /// <summary>The method a sample type gets without `-m` (src/acl.c); null for binary and other types.</summary>
    public static MatchMethod? DefaultMatch(SampleType type) => type switch
    {
        SampleType.Bool => MatchMethod.Bool,
        SampleType.Sint => MatchMethod.Int,
        SampleType.Addr or SampleType.Ipv4 or SampleType.Ipv6 => MatchMethod.Ip,
        SampleType.Str => MatchMethod.Str,
        _ => null,
    };

    private static string MethodFirst(string keyword)
        => $"matching method must be specified first (using '-m') when using a sample fetch of this type ('{keyword}')";

    // Patterns, with `eq ge gt le lt` folded into ranges for integer methods (src/acl.c "compatibility layer").
    private static string? ReadPatterns(IReadOnlyList<string> words, int from, MatchMethod match, bool ignoreCase, bool dotted, List<AclPattern> patterns)
    {
        var integer = match is MatchMethod.Int or MatchMethod.Len;
        var op = "eq";
        for (var i = from; i < words.Count && words[i].Length > 0; i++)
        {
            var text = words[i];
            if (integer && text is "eq" or "ge" or "gt" or "le" or "lt")
            {
                op = text;
                continue;
            }

            if (dotted && op != "eq" && text.IndexOfAny([':', '-']) < 0)
            {
                var (range, foldError) = DottedVersionParser.Fold(op, text);
                if (foldError is not null)
                {
                    return foldError;
                }

                text = range!;
            }
            else if (integer && op != "eq" && text.IndexOfAny([':', '-']) < 0)
            {
                if (!PatternParser.TryInteger(text, out var value))
                {
                    return $"'{text}' is neither a number nor a supported operator";
                }

                text = op switch
                {
                    "ge" => $"{value}:",
                    "gt" => $"{value + 1}:",
                    "le" => $":{value}",
                    _ => $":{value - 1}",
                };
            }

            var (pattern, error) = dotted ? DottedVersionParser.Parse(text) : PatternParser.Parse(text, match, ignoreCase);
            if (error is not null)
            {
                return error;
            }

            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        return null;
    }

    // strtol with the end check of src/acl.c: an empty word is 0, trailing characters are an error.
    private static bool TryStrtol(string text, out int value)
    {
        value = 0;
        var trimmed = text.TrimStart();
        return trimmed.Length == 0 || int.TryParse(trimmed, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
