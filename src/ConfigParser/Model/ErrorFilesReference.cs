using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`errorfiles NAME [CODE...]`: the pages of `http-errors NAME`, all of them or only the listed codes.</summary>
/// <param name="Location">Where the line is.</param>
/// <param name="Section">The http-errors section's name.</param>
/// <param name="Statuses">The codes to take; empty means every page the section declares.</param>
public sealed record ErrorFilesReference(SourceLocation Location, string Section, IReadOnlyList<int> Statuses) : ErrorPageRule(Location);
