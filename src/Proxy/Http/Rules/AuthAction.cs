using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Proxy.Http.Rules;

/// <summary>
/// `auth [realm R]`: HAProxy's 401 page with `www-authenticate: Basic realm="R"`; the realm defaults to the proxy's
/// name (haproxy 2.6 configuration.txt §4.2 "http-request auth").
/// </summary>
internal sealed class AuthAction(string realm) : IHttpRequestAction
{
    private readonly string _challenge = $"Basic realm=\"{realm}\"";

    public async ValueTask<RuleOutcome> ApplyAsync(HttpContext context)
    {
        // The error page replaces the headers; the challenge joins them just before they are sent.
        var response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers[HeaderNames.WWWAuthenticate] = _challenge;
            return Task.CompletedTask;
        });
        await HaproxyErrorPages.WriteAsync(response, StatusCodes.Status401Unauthorized);
        return RuleOutcome.Responded;
    }
}
