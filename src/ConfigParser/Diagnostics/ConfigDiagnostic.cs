namespace ConfigParser.Diagnostics;

/// <summary>
/// One message about a configuration, worded as HAProxy 2.6 words it. Parse errors are values, never exceptions.
/// </summary>
/// <param name="Severity">Notice, warning or alert.</param>
/// <param name="Location">The file and line it is about; null for messages about the whole configuration.</param>
/// <param name="Message">The text after the location prefix.</param>
/// <param name="Keyword">The directive's keyword, when there is one (for tooling; not printed).</param>
/// <param name="Prefix">How HAProxy introduces the location for this message (it varies by code path).</param>
/// <param name="Aborts">True when HAProxy stops reading further files after this error (rule parse errors).</param>
/// <param name="Fatal">
/// For alerts: true when the alert makes the configuration invalid (HAProxy's ERR_FATAL). A few alerts only say
/// that a line was skipped, e.g. a repeated global `maxconn` ("already specified. Continuing."): `haproxy -c`
/// still accepts the file. Not used for notices and warnings.
/// </param>
public sealed record ConfigDiagnostic(
    DiagnosticSeverity Severity,
    SourceLocation? Location,
    string Message,
    string? Keyword = null,
    LocationPrefix Prefix = LocationPrefix.Parsing,
    bool Aborts = false,
    bool Fatal = true)
{
    /// <summary>
    /// For "accepted but not run by this proxy yet" warnings: the directive as written ("http-request deny",
    /// "option forwardfor"), so callers can judge it without reading the message text.
    /// </summary>
    public string? Unimplemented { get; init; }

    /// <summary>True for an alert that makes the configuration invalid.</summary>
    public bool IsFatal => Severity == DiagnosticSeverity.Alert && Fatal;

    /// <summary>The message as it follows "config : " in HAProxy's output.</summary>
    public string Text => Location is not { } at
        ? Message
        : Prefix switch
        {
            LocationPrefix.Bracket => $"[{at.File}:{at.Line}] : {Message}",
            LocationPrefix.ParsingTight => $"parsing [{at.File}:{at.Line}]: {Message}",
            LocationPrefix.ParsingCapital => $"Parsing [{at.File}:{at.Line}]: {Message}",
            _ => $"parsing [{at.File}:{at.Line}] : {Message}",
        };

    /// <inheritdoc />
    public override string ToString() => $"{Severity}: {Text}";
}

/// <summary>The three ways HAProxy 2.6 writes a location in front of a message.</summary>
public enum LocationPrefix
{
    /// <summary>"parsing [file:line] : " (most section keywords).</summary>
    Parsing,

    /// <summary>"parsing [file:line]: " (the reader's own messages, e.g. a missing LF).</summary>
    ParsingTight,

    /// <summary>"[file:line] : " (server lines and some capability checks).</summary>
    Bracket,

    /// <summary>"Parsing [file:line]: " (duplicate proxy names).</summary>
    ParsingCapital,
}
