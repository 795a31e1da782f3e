using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>
/// One error-page line of a proxy, kept in declaration order because a later line for the same status wins
/// (haproxy 2.6: errorfile, errorfiles and errorloc all write the same per-status slot).
/// </summary>
/// <param name="Location">Where the line is.</param>
public abstract record ErrorPageRule(SourceLocation Location);

/// <summary>`errorfile CODE FILE`: the HTTP response read from FILE at load, sent instead of HAProxy's own for CODE.</summary>
/// <param name="Location">Where the line is.</param>
/// <param name="Status">The status whose page it replaces.</param>
/// <param name="File">The path as written.</param>
/// <param name="Message">The file's response, parsed once at load.</param>
public sealed record ErrorFileDefinition(SourceLocation Location, int Status, string File, HttpErrorMessage Message) : ErrorPageRule(Location);

/// <summary>`errorfiles NAME [CODE...]`: the pages of `http-errors NAME`, all of them or only the listed codes.</summary>
/// <param name="Location">Where the line is.</param>
/// <param name="Section">The http-errors section's name.</param>
/// <param name="Statuses">The codes to take; empty means every page the section declares.</param>
public sealed record ErrorFilesReference(SourceLocation Location, string Section, IReadOnlyList<int> Statuses) : ErrorPageRule(Location);

/// <summary>`errorloc`/`errorloc302`/`errorloc303 CODE URL`: answer CODE with a redirect to URL.</summary>
/// <param name="Location">Where the line is.</param>
/// <param name="Status">The status it replaces.</param>
/// <param name="Message">The redirect response (302 Found or 303 See Other).</param>
public sealed record ErrorLocationDefinition(SourceLocation Location, int Status, HttpErrorMessage Message) : ErrorPageRule(Location);
