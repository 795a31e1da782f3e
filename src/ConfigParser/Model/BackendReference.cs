using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>A backend named by `default_backend` or `use_backend`, with where it was named.</summary>
public sealed record BackendReference(SourceLocation Location, string Name);
