using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`url { path …; digest …; status_code … }` of HTTP_GET / SSL_GET.</summary>
/// <param name="Path">`path`.</param>
/// <param name="Digest">`digest` (MD5 hex of the body).</param>
/// <param name="StatusCode">`status_code`.</param>
/// <param name="Location">Where the block starts.</param>
public sealed record HttpCheckUrl(string? Path, string? Digest, int? StatusCode, SourceLocation Location);
