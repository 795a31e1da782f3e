using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`errorloc`/`errorloc302`/`errorloc303 CODE URL`: answer CODE with a redirect to URL.</summary>
/// <param name="Location">Where the line is.</param>
/// <param name="Status">The status it replaces.</param>
/// <param name="Message">The redirect response (302 Found or 303 See Other).</param>
public sealed record ErrorLocationDefinition(SourceLocation Location, int Status, HttpErrorMessage Message) : ErrorPageRule(Location);
