using System.Collections.Frozen;
using System.Text;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Proxy.Http.Auth;

/// <summary>
/// A `userlist` at run time: checks the request's `Authorization: Basic` credentials (haproxy 2.6 `http_auth`,
/// `http_auth_group`; configuration.txt §3.4).
/// </summary>
internal sealed class Userlist(UserlistSection definition)
{
    private readonly FrozenDictionary<string, UserDefinition> _users = definition.Users.ToFrozenDictionary(u => u.Name, StringComparer.Ordinal);

    public string Name => definition.Name;

    /// <summary>The authenticated user, or null when the credentials are missing, malformed or wrong.</summary>
    public UserDefinition? Authenticate(HttpContext context)
    {
        if (!TryReadBasic(context.Request.Headers[HeaderNames.Authorization], out var name, out var password)
            || !_users.TryGetValue(name, out var user) || user.Password is not { } expected)
        {
            return null;
        }

        var valid = user.Insecure ? string.Equals(password, expected, StringComparison.Ordinal) : CryptVerifier.Verify(password, expected);
        return valid ? user : null;
    }

    // "Basic base64(user:password)"; the scheme is case-insensitive (RFC 7617 §2).
    private static bool TryReadBasic(string? header, out string name, out string password)
    {
        name = password = "";
        const string Scheme = "Basic ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[512];
        var encoded = header.AsSpan(Scheme.Length).Trim();
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        (name, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
