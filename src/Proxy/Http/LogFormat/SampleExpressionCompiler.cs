namespace Proxy.Http.LogFormat;

/// <summary>
/// Compiles a sample expression as written in a log-format `%[…]` or after `set-var(…)`: `fetch[(args)][,conv[(args)]]…`
/// (haproxy 2.6 configuration.txt §7.3). Only what <see cref="SampleFetches"/> and <see cref="SampleConverters"/> cover compiles.
/// </summary>
internal static class SampleExpressionCompiler
{
    /// <summary>The compiled chain, or null with <paramref name="unsupported"/> naming what this proxy does not evaluate.</summary>
    /// <param name="text">The expression as written.</param>
    /// <param name="unsupported">What cannot be evaluated, when null is returned.</param>
    /// <param name="response">True in an `http-response` rule: `hdr` is the response's, request fetches are refused.</param>
    public static ISampleFetch? Compile(string text, out string? unsupported, bool response = false)
    {
        unsupported = null;
        var steps = SplitTopLevel(text.Trim(), ',');
        if (steps.Count == 0 || !TryCall(steps[0], out var name, out var args))
        {
            unsupported = $"the sample expression '{text}'";
            return null;
        }

        if (SampleFetches.Misplaced(name, response) is { } reason)
        {
            unsupported = $"fetch '{steps[0]}' ({reason})";
            return null;
        }

        if (SampleFetches.Create(name, args, response) is not { } fetch)
        {
            unsupported = $"fetch '{steps[0]}'";
            return null;
        }

        var converters = new ISampleConverter[steps.Count - 1];
        for (var i = 1; i < steps.Count; i++)
        {
            string? error = null;
            var converter = TryCall(steps[i], out var converterName, out var converterArgs)
                ? SampleConverters.Create(converterName, converterArgs, out error)
                : null;
            if (converter is null)
            {
                unsupported = error is null ? $"converter '{steps[i]}'" : $"converter '{steps[i]}' ({error})";
                return null;
            }

            converters[i - 1] = converter;
        }

        return converters.Length == 0 ? fetch : new CompiledSample(fetch, converters);
    }

    // "name(a,b)" → ("name", ["a", "b"]); "name" → ("name", []).
    private static bool TryCall(string step, out string name, out IReadOnlyList<string> args)
    {
        var open = step.IndexOf('(');
        args = [];
        if (open < 0)
        {
            name = step;
            return step.Length > 0;
        }

        name = step[..open];
        if (!step.EndsWith(')'))
        {
            return false;
        }

        var inner = step[(open + 1)..^1];
        args = inner.Length == 0 ? [] : SplitTopLevel(inner, ',');
        return name.Length > 0;
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                default:
                    if (text[i] == separator && depth == 0)
                    {
                        parts.Add(text[start..i]);
                        start = i + 1;
                    }

                    break;
            }
        }

        if (text.Length > 0)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }
}
