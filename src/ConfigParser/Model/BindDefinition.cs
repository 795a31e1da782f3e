using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A `bind` line: the address specification as written and the endpoints it expands to.</summary>
public sealed record BindDefinition(SourceLocation Location, string Specification, IReadOnlyList<BindEndpoint> Endpoints);
