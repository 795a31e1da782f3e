using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Model;

/// <summary>`authentication { auth_type …; auth_pass … }`.</summary>
/// <param name="Type">The type; null when `auth_type` is missing or invalid.</param>
/// <param name="Password">The password, truncated to 8 characters as keepalived does.</param>
/// <param name="Location">Where the block starts.</param>
public sealed record VrrpAuthentication(VrrpAuthType? Type, string? Password, SourceLocation Location);
