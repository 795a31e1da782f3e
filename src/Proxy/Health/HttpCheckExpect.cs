using System.Text.RegularExpressions;

namespace Proxy.Health;

/// <summary>
/// `http-check expect [!] status|rstatus|string|rstring|hdr …` (haproxy 2.6 src/tcpcheck.c), or the implicit
/// "2xx or 3xx" when none is given. Judges one parsed response.
/// </summary>
internal sealed class HttpCheckExpect
{
    private readonly string _match;
    private readonly string _pattern;
    private readonly bool _negate;
    private readonly Regex? _regex;
    private readonly string? _headerName;

    private HttpCheckExpect(string match, string pattern, bool negate, string? headerName)
    {
        _match = match;
        _pattern = pattern;
        _negate = negate;
        _headerName = headerName;
        if (match is "rstatus" or "rstring")
        {
            _regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>No `expect`: 2xx and 3xx pass.</summary>
    public static HttpCheckExpect Default { get; } = new("default", "", false, null);

    /// <summary>Reads the words after `http-check expect`; null when the match kind is not run by this proxy.</summary>
    public static HttpCheckExpect? Parse(IReadOnlyList<string> words)
    {
        var i = 0;
        // Options before the match: min-recv, comment, ok-status, error-status, tout-status, on-success, on-error, status-code.
        while (i < words.Count && words[i] is "min-recv" or "comment" or "ok-status" or "error-status" or "tout-status" or "on-success" or "on-error" or "status-code")
        {
            i += 2;
        }

        var negate = i < words.Count && words[i] == "!";
        if (negate)
        {
            i++;
        }

        if (i >= words.Count)
        {
            return null;
        }

        var match = words[i];
        var pattern = i + 1 < words.Count ? words[i + 1] : "";
        return match switch
        {
            "status" or "rstatus" or "string" or "rstring" => new HttpCheckExpect(match, pattern, negate, null),
            "hdr" when pattern == "name" && i + 2 < words.Count => new HttpCheckExpect(match, "", negate, words[i + 2]),
            _ => null,
        };
    }

    /// <summary>The check result for a response.</summary>
    public CheckResult Judge(HttpCheckResponse response, TimeSpan duration)
    {
        var matched = _match switch
        {
            "default" => response.Status is >= 200 and < 400,
            "status" => StatusListMatches(response.Status),
            "rstatus" => _regex!.IsMatch(response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "string" => response.Body.Contains(_pattern, StringComparison.Ordinal),
            "rstring" => _regex!.IsMatch(response.Body),
            _ => response.HasHeader(_headerName!),
        };

        if (matched != _negate)
        {
            return new CheckResult(CheckStatus.L7Ok, response.Status, null, duration);
        }

        // haproxy 2.6 reports body mismatches as an invalid response, status and header mismatches as a wrong status.
        return _match is "string" or "rstring"
            ? new CheckResult(CheckStatus.L7Rsp, null, "HTTP content check did not match", duration)
            : new CheckResult(CheckStatus.L7Sts, response.Status, response.Reason, duration);
    }

    // "200,201-204": codes and ranges, comma separated.
    private bool StatusListMatches(int status)
    {
        foreach (var part in _pattern.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-');
            var low = dash < 0 ? part : part[..dash];
            var high = dash < 0 ? part : part[(dash + 1)..];
            if (int.TryParse(low, out var l) && int.TryParse(high, out var h) && status >= l && status <= h)
            {
                return true;
            }
        }

        return false;
    }
}
