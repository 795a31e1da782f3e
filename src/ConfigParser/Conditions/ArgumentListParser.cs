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
        if (at >= word.Length || word[at] != '(')
        {
            return Mandatory(spec) > 0 ? Missing(at, spec, 0) : new Result([], at, null, 0);
        }

        var close = word.IndexOf(')', at + 1);
        if (close < 0)
        {
            return new Result([], at, "expected ')'", 0);
        }

        var inner = word[(at + 1)..close];
        var arguments = inner.Length == 0 ? [] : inner.Split(',');
        if (arguments.Length > spec.Types.Count)
        {
            // HAProxy stops at the first argument too many and quotes the rest of the word from there.
            var offset = at + 1;
            for (var i = 0; i < spec.Types.Count; i++)
            {
                offset += arguments[i].Length + (i + 1 < spec.Types.Count ? 1 : 0);
            }

            return new Result([], at, $"expected ')' before '{word[offset..]}'", spec.Types.Count);
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (!IsValid(arguments[i], spec.Types[i]))
            {
                return new Result([], at, $"failed to parse '{arguments[i]}' as type '{spec.Types[i]}' at position {i + 1}", i);
            }
        }

        if (arguments.Length < Mandatory(spec))
        {
            return arguments.Length == 0
                ? Missing(at, spec, 0)
                : new Result([], at, $"missing arguments (got {arguments.Length}/{spec.Mandatory}), type '{spec.Types[arguments.Length]}' expected", arguments.Length);
        }

        return new Result(arguments, close + 1, null, 0);
    }

    // Trailing proxy, table and server arguments may be left out: HAProxy fills in the current proxy (and reports
    // a missing server name only when it resolves arguments after parsing), e.g. `src_conn_cur gt 10`.
    private static int Mandatory(ArgumentSpec spec)
    {
        var mandatory = spec.Mandatory;
        while (mandatory > 0 && spec.Types[mandatory - 1] is "backend" or "frontend" or "table" or "server")
        {
            mandatory--;
        }

        return mandatory;
    }

    private static Result Missing(int at, ArgumentSpec spec, int index)
        => new([], at, $"expected type '{spec.Types[index]}' at position {index + 1}, but got nothing", index);

    private static bool IsValid(string value, string type) => type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
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
