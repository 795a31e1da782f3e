using ConfigParser.Model.Conditions;

namespace Proxy.Http.Conditions;

/// <summary>
/// One parsed <see cref="AclCriterion"/> → a predicate, once, when the runtime is built. What is not evaluated yet
/// (another fetch, converter or match method) comes back as a short reason naming it.
/// </summary>
internal static class CriterionCompiler
{
    /// <summary>The predicate, or null with <paramref name="unsupported"/> saying what is missing.</summary>
    /// <param name="criterion">The parsed criterion.</param>
    /// <param name="unsupported">What is missing, when null is returned.</param>
    /// <param name="backends">The runtime's backends by name (`nbsrv`); null outside a runtime.</param>
    public static IRequestPredicate? Compile(AclCriterion criterion, out string? unsupported, IReadOnlyDictionary<string, Runtime.BackendState>? backends = null)
    {
        unsupported = null;
        var sample = criterion.Sample;
        var converters = new LogFormat.ISampleConverter[sample.Converters.Count];
        for (var i = 0; i < converters.Length; i++)
        {
            var call = sample.Converters[i];
            if (LogFormat.SampleConverters.Create(call.Name, call.Arguments, out var error) is not { } converter)
            {
                unsupported = error is null ? $"converter '{call.Name}'" : $"converter '{call.Name}' ({error})";
                return null;
            }

            converters[i] = converter;
        }

        if (sample.Fetch is "req.hdr_val" or "hdr_val" && sample.Converters.Count == 0
            && StringFetches.Argument(sample, 0) is { Length: > 0 } name
            && int.TryParse(StringFetches.Argument(sample, 1) is { Length: > 0 } occ ? occ : "0", out var occurrence))
        {
            return criterion.Match is MatchMethod.Found or MatchMethod.Bool or MatchMethod.Int
                && TryPatterns<IntegerRangePattern>(criterion, out var values)
                ? new StringCriterion(new HeaderFetch(name, occurrence, splitCommas: true), new IntegerTextMatch(criterion.Match, values))
                : Refuse(criterion, out unsupported);
        }

        if (StringFetches.Create(sample) is { } text)
        {
            return CompileString(text, criterion, converters, out unsupported);
        }

        if (sample.Converters.Count > 0)
        {
            unsupported = $"converter '{sample.Converters[0].Name}' on fetch '{sample.Fetch}'";
            return null;
        }

        if (IntegerFetches.Create(sample, backends) is { } integer)
        {
            return criterion.Match is MatchMethod.Found or MatchMethod.Bool or MatchMethod.Int
                && TryPatterns<IntegerRangePattern>(criterion, out var ranges)
                ? new IntegerCriterion(integer, criterion.Match, ranges)
                : Refuse(criterion, out unsupported);
        }

        if (sample.Fetch is "src" or "dst")
        {
            return criterion.Match is MatchMethod.Found or MatchMethod.Ip
                && TryPatterns<IpNetworkPattern>(criterion, out var networks)
                ? new AddressCriterion(sample.Fetch == "src", criterion.Match, networks)
                : Refuse(criterion, out unsupported);
        }

        unsupported = $"fetch '{sample.AclKeyword ?? sample.Fetch}'";
        return null;
    }

    private static IRequestPredicate? CompileString(IStringFetch fetch, AclCriterion criterion, LogFormat.ISampleConverter[] converters, out string? unsupported)
    {
        unsupported = null;
        var comparison = criterion.Flags.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        IStringMatch? match = null;
        if (criterion.Match == MatchMethod.Found)
        {
            match = FoundMatch.Instance;
        }
        else if (criterion.Match == MatchMethod.Len)
        {
            match = TryPatterns<IntegerRangePattern>(criterion, out var ranges) ? new LengthMatch(ranges) : null;
        }
        else if (criterion.Match == MatchMethod.Reg)
        {
            match = TryPatterns<RegexPattern>(criterion, out var regexes) ? new RegexMatch([.. regexes.Select(r => r.Regex)]) : null;
        }
        else if (TryPatterns<StringPattern>(criterion, out var strings))
        {
            string[] texts = [.. strings.Select(s => s.Text)];
            match = criterion.Match switch
            {
                MatchMethod.Str => new ExactMatch(texts, comparison),
                MatchMethod.Beg => new PrefixMatch(texts, comparison),
                MatchMethod.End => new SuffixMatch(texts, comparison),
                MatchMethod.Sub => new SubstringMatch(texts, comparison),
                MatchMethod.Dir => WordMatch.Directory(texts, comparison),
                MatchMethod.Dom => WordMatch.Domain(texts, comparison),
                _ => null,
            };
        }

        if (match is null)
        {
            return Refuse(criterion, out unsupported);
        }

        // Converters run on the sample before the match, in order: the case converters on the stack, the others
        // (map*, concat, field, regsub) on a copy of the sample.
        for (var i = converters.Length - 1; i >= 0; i--)
        {
            match = converters[i] is LogFormat.CaseConverter
                ? new CaseConvertingMatch(match, criterion.Sample.Converters[i].Name == "upper")
                : new ConvertingMatch(match, converters[i]);
        }

        return new StringCriterion(fetch, match);
    }

    private static bool TryPatterns<T>(AclCriterion criterion, out T[] patterns)
        where T : AclPattern
    {
        patterns = [.. criterion.Patterns.OfType<T>()];
        return patterns.Length == criterion.Patterns.Count;
    }

    private static IRequestPredicate? Refuse(AclCriterion criterion, out string? unsupported)
    {
        unsupported = $"match method '-m {criterion.Match.ToString().ToLowerInvariant()}' on fetch '{criterion.Sample.AclKeyword ?? criterion.Sample.Fetch}'";
        return null;
    }
}
