using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`errorfile CODE FILE`: the HTTP response read from FILE at load, sent instead of HAProxy's own for CODE.</summary>
/// <param name="Location">Where the line is.</param>
/// <param name="Status">The status whose page it replaces.</param>
/// <param name="File">The path as written.</param>
/// <param name="Message">The file's response, parsed once at load.</param>
public sealed record ErrorFileDefinition(SourceLocation Location, int Status, string File, HttpErrorMessage Message) : ErrorPageRule(Location);
