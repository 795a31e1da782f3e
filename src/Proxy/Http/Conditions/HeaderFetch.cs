using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>
/// `hdr(name[,occ])`, `req.hdr(…)` (comma-split values) and `req.fhdr(…)` (whole lines). Without an occurrence an
/// ACL tries every value; a positive occurrence counts from the first value, a negative one from the last
/// (haproxy 2.6 configuration.txt §7.3.6). `res.hdr` / `shdr` read the response's headers the same way.
/// </summary>
internal sealed class HeaderFetch(string name, int occurrence, bool splitCommas, bool response = false) : IStringFetch
{
    public bool AnyMatches(HttpContext context, IStringMatch match)
    {
        var lines = response ? context.Response.Headers[name] : context.Request.Headers[name];
        if (lines.Count == 0)
        {
            return false;
        }

        var wanted = occurrence;
        if (wanted < 0)
        {
            wanted += HeaderValues.Count(lines, splitCommas) + 1;
            if (wanted <= 0)
            {
                return false;
            }
        }

        var values = new HeaderValues(lines, splitCommas);
        var index = 0;
        while (values.MoveNext())
        {
            index++;
            if (wanted == 0)
            {
                if (match.Matches(values.Current))
                {
                    return true;
                }
            }
            else if (index == wanted)
            {
                return match.Matches(values.Current);
            }
        }

        return false;
    }
}
