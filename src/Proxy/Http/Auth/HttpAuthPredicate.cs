using Microsoft.AspNetCore.Http;
using Proxy.Http.Conditions;

namespace Proxy.Http.Auth;

/// <summary>
/// `http_auth(list)`: the request carries valid credentials for a user of the list; `http_auth_group(list) G…`: and
/// that user belongs to one of the groups (haproxy 2.6 configuration.txt §7.3.6).
/// </summary>
internal sealed class HttpAuthPredicate(Userlist list, string[]? groups) : IRequestPredicate
{
    public bool Matches(HttpContext context)
    {
        if (list.Authenticate(context) is not { } user)
        {
            return false;
        }

        if (groups is null)
        {
            return true;
        }

        foreach (var group in user.Groups)
        {
            if (groups.Contains(group, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
