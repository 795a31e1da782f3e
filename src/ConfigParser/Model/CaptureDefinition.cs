using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`capture request|response header NAME len N` or `capture cookie NAME len N` (haproxy 2.6 §4.2).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Kind">"request", "response" or "cookie".</param>
/// <param name="Name">The header or cookie name.</param>
/// <param name="Length">The maximum captured length.</param>
public sealed record CaptureDefinition(SourceLocation Location, string Kind, string Name, int Length);
