namespace Proxy.Http.LogFormat;

/// <summary>
/// The converters this proxy evaluates, by haproxy 2.6 keyword (configuration.txt §7.3.1), for log-format samples,
/// `set-var` expressions and ACLs alike.
/// </summary>
internal static class SampleConverters
{
    /// <summary>The converter, or null; <paramref name="error"/> then says why when the keyword is known but its arguments fail.</summary>
    public static ISampleConverter? Create(string name, IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (MapConverter.MatchOf(name) is { } match)
        {
            return MapConverter.Create(match, args, out error);
        }

        return name switch
        {
            "lower" when args.Count == 0 => CaseConverter.Lower,
            "upper" when args.Count == 0 => CaseConverter.Upper,
            "regsub" => RegsubConverter.Create(args),
            "field" => FieldConverter.Create(args),
            "concat" => ConcatConverter.Create(args),
            _ => null,
        };
    }
}
