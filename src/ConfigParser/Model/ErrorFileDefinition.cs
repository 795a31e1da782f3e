using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`errorfile CODE FILE`: the HTTP response sent instead of HAProxy's own for status CODE.</summary>
public sealed record ErrorFileDefinition(SourceLocation Location, int Status, string File);
