using ConfigParser.Conditions.Keywords;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// The first word of an ACL: an ACL keyword or a sample fetch, its arguments and converters, with HAProxy 2.6's
/// messages (src/acl.c `parse_acl_expr`, src/sample.c `sample_parse_expr`). Two paths differ as in HAProxy:
/// an ACL keyword (`hdr_beg(host)`) reports "ACL keyword 'x' : …" and only reads converters from its own word;
/// a plain fetch reports "… in ACL expression 'word'" and, once its word is used up, also tries the next word
/// as a converter (that word still counts as a pattern afterwards, as in HAProxy).
/// </summary>
internal static class SampleExpressionParser
{
    /// <summary>The expression and the match method an ACL keyword implies (null when it gives none), or an error.</summary>
    public readonly record struct Result(SampleExpression? Expression, MatchMethod? ImpliedMatch, string? Error);

    /// <summary>Parses <paramref name="words"/>[0] (and possibly converter words after it).</summary>
    public static Result Parse(IReadOnlyList<string> words)
    {
        var word = words.Count > 0 ? words[0] : "";
        var nameEnd = NameEnd(word, 0);
        var name = word[..nameEnd];
        if (KeywordCatalog.AclKeywords.TryGetValue(name, out var aclKeyword))
        {
            return ParseAclKeyword(word, aclKeyword, nameEnd);
        }

        var suffix = $" in ACL expression '{word}'";
        if (nameEnd == 0)
        {
            return Fail("missing fetch method" + suffix);
        }

        if (!KeywordCatalog.Fetches.TryGetValue(name, out var fetch))
        {
            // Unlike unknown section keywords, HAProxy 2.6 suggests no close name here (`acl a pth /x` was probed).
            return Fail($"unknown fetch method '{name}'" + suffix);
        }

        var args = ArgumentListParser.Parse(word, nameEnd, fetch.Arguments);
        if (args.Error is { } error)
        {
            return Fail($"fetch method '{name}' : {error}" + suffix);
        }

        if (SampleArgumentChecks.ForFetch(name, args.Arguments) is { } invalid)
        {
            return Fail($"invalid args in fetch method '{name}' : {invalid}" + suffix);
        }

        var converters = new List<ConverterCall>();
        var chain = ParseConverters(words, args.End, fetch.Name, fetch.Output, nextWords: true, converters);
        return chain.Error is { } chainError
            ? Fail(chainError + $" in ACL expression '{words[0]}'")
            : new Result(new SampleExpression(fetch.Name, args.Arguments, converters, chain.Type), null, null);
    }

    private static Result ParseAclKeyword(string word, AclKeyword keyword, int nameEnd)
    {
        var fetch = KeywordCatalog.Fetches[keyword.Fetch];
        var args = ArgumentListParser.Parse(word, nameEnd, fetch.Arguments);
        if (args.Error is { } error)
        {
            return Fail($"ACL keyword '{keyword.Name}' : {error}");
        }

        if (SampleArgumentChecks.ForFetch(fetch.Name, args.Arguments) is { } invalid)
        {
            return Fail($"in argument to '{keyword.Name}', {invalid}");
        }

        var converters = new List<ConverterCall>();
        // src/acl.c passes no fetch name to the converter parser, hence "missing comma after fetch keyword" alone.
        var chain = ParseConverters([word], args.End, null, fetch.Output, nextWords: false, converters);
        if (chain.Error is { } chainError)
        {
            // src/acl.c wraps the converter parser's message, which already ends with a full stop.
            return Fail($"ACL keyword '{keyword.Name}' : {chainError}.");
        }

        // Converters replace the keyword's match by the one of the converted type (src/acl.c acl_conv_found).
        var expression = new SampleExpression(fetch.Name, args.Arguments, converters, chain.Type) { AclKeyword = keyword.Name };
        return new Result(expression, converters.Count == 0 ? keyword.Match : null, null);
    }

    private static (SampleType Type, string? Error) ParseConverters(
        IReadOnlyList<string> words, int at, string? fetchName, SampleType type, bool nextWords, List<ConverterCall> converters)
    {
        var index = 0;
        var word = words[0];
        string? previous = null;
        while (true)
        {
            if (at < word.Length && word[at] != ',')
            {
                return (type, (previous, fetchName) switch
                {
                    (null, null) => "missing comma after fetch keyword",
                    (null, _) => $"missing comma after fetch keyword '{fetchName}'",
                    _ => $"missing comma after converter '{previous}'",
                });
            }

            while (at < word.Length && word[at] == ',')
            {
                at++;
            }

            var fromWordStart = false;
            if (at >= word.Length)
            {
                index++;
                if (!nextWords || index >= words.Count || words[index].Length == 0)
                {
                    return (type, null);
                }

                word = words[index];
                at = 0;
                fromWordStart = true;
            }

            var nameEnd = NameEnd(word, at);
            var name = word[at..nameEnd];
            if (!KeywordCatalog.Converters.TryGetValue(name, out var converter))
            {
                // An unknown whole word is not a converter: the expression ends before it.
                return fromWordStart ? (type, null) : (type, $"unknown converter '{name}'");
            }

            if (!SampleCasts.CanCast(type, converter.Input))
            {
                return (type, $"converter '{name}' cannot be applied");
            }

            var args = ArgumentListParser.Parse(word, nameEnd, converter.Arguments);
            if (args.Error is { } error)
            {
                return (type, $"invalid arg {args.ErrorArgument + 1} in converter '{name}' : {error}");
            }

            if (SampleArgumentChecks.ForConverter(name, args.Arguments) is { } invalid)
            {
                return (type, $"invalid args in converter '{name}' : {invalid}");
            }

            converters.Add(new ConverterCall(name, args.Arguments, converter.Output));
            type = converter.Output;
            previous = name;
            at = args.End;
        }
    }

    // src/tools.h is_idchar(): letters, digits and ". _ - + :" make up a keyword.
    private static int NameEnd(string word, int at)
    {
        while (at < word.Length && (char.IsAsciiLetterOrDigit(word[at]) || word[at] is '.' or '_' or '-' or '+' or ':' or '$'))
        {
            at++;
        }

        return at;
    }

    private static Result Fail(string error) => new(null, null, error);
}
