using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`http-errors NAME`: a named set of errorfiles that proxies take with `errorfiles NAME`.</summary>
/// <param name="Name">The section's name.</param>
/// <param name="Location">Where the section starts.</param>
/// <param name="Pages">Status → page; a later errorfile line for the same status wins.</param>
public sealed record HttpErrorsSection(string Name, SourceLocation Location, IReadOnlyDictionary<int, HttpErrorMessage> Pages);
