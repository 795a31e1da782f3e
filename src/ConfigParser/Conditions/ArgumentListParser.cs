using System.Globalization;
using ConfigParser.Conditions.Keywords;

namespace ConfigParser.Conditions;

/// <summary>
/// The `(a,b)` after a fetch or converter name, checked against its <see cref="ArgumentSpec"/> with HAProxy 2.6's
/// messages (src/arg.c `make_arg_list`). Only integers and masks are checked here; names of backends, tables and
/// servers are resolved after parsing by HAProxy and are left to the caller.
/// </summary>
internal static class ArgumentListParser
{
    /// <summary>The outcome: the arguments and where the list ends, or an error and the failing argument's index.</summary>
    public readonly record struct Result(IReadOnlyList<string> Arguments, int End, string? Error, int ErrorArgument);

    /// <summary>Parses from <paramref name="at"/> (just after the name) in <paramref name="word"/>.</summary>
    public static Result Parse(string word, int at, ArgumentSpec spec)
    {
        var parenthesized = at < word.Length && word[at] == '(';
        var close = parenthesized ? word.IndexOf(')', at + 1) : at;
        if (close < 0)
        {
            return Fail(at, "expected ')'", 0);
        }

        var content = parenthesized ? word[(at + 1)..close] : "";
        var end = parenthesized ? close + 1 : at;
        if (spec.Types.Count == 0 || (content.Length == 0 && spec.Mandatory == 0))
        {
            return content.Length == 0 ? new Result([], end, null, 0) : Fail(at, $"expected ')' before '{word[(at + 1)..]}'", 0);
        }

        // An empty input still holds one (empty) argument when one is mandatory, and empty arguments after a
        // comma always exist: empty strings and proxy/table names are fine (the current proxy is implied),
        // empty numbers are not, unless optional.
        var arguments = content.Split(',');
        for (var i = 0; i < Math.Min(arguments.Length, spec.Types.Count); i++)
        {
            var type = spec.Types[i];
            if (arguments[i].Length == 0 && IsNumeric(type))
            {
                if (i < spec.Mandatory)
                {
                    return Fail(at, $"expected type '{type}' at position {i + 1}, but got nothing", i);
                }
            }
            else if (!IsValid(arguments[i], type))
            {
                return Fail(at, $"failed to parse '{arguments[i]}' as type '{type}' at position {i + 1}", i);
            }
        }

        if (arguments.Length > spec.Types.Count)
        {
            // HAProxy stops at the first argument too many and quotes the rest of the word from its comma.
            var offset = at + 1 + string.Join(",", arguments.Take(spec.Types.Count)).Length;
            return Fail(at, $"expected ')' before '{word[offset..]}'", spec.Types.Count);
        }

        if (arguments.Length < spec.Mandatory)
        {
            return Fail(at, $"missing arguments (got {arguments.Length}/{spec.Mandatory}), type '{spec.Types[arguments.Length]}' expected", arguments.Length);
        }

        return new Result(parenthesized ? arguments : [], end, null, 0);
    }

    private static Result Fail(int at, string error, int argument) => new([], at, error, argument);

    // src/arg.c make_arg_list: these types cannot be empty ("expected type … but got nothing").
    private static bool IsNumeric(string type) => type is "integer" or "Protocol buffers field number" or "IPv4 address" or "IPv6 address" or "IPv4 mask" or "IPv6 mask" or "time" or "size";

    private static bool IsValid(string value, string type) => type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "IPv4 address" => value.Count(c => c == '.') == 3 && System.Net.IPAddress.TryParse(value, out var v4)
            && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork, // inet_pton: four parts only
        "IPv6 address" => System.Net.IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "IPv4 mask" => IsMask(value, 32, System.Net.Sockets.AddressFamily.InterNetwork),
        "IPv6 mask" => IsMask(value, 128, System.Net.Sockets.AddressFamily.InterNetworkV6),
        _ => true,
    };

    // A prefix length, or (IPv4 only) a dotted mask (src/tools.c str2mask).
    private static bool IsMask(string value, int bits, System.Net.Sockets.AddressFamily family)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        ? n <= bits
        : (family == System.Net.Sockets.AddressFamily.InterNetwork && System.Net.IPAddress.TryParse(value, out var mask)
            && mask.AddressFamily == family);
}
