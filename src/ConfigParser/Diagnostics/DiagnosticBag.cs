namespace ConfigParser.Diagnostics;

/// <summary>Collects every diagnostic of a parse, in order; the parser never stops at the first one.</summary>
public sealed class DiagnosticBag
{
    private readonly List<ConfigDiagnostic> _items = [];

    /// <summary>All diagnostics so far, in the order they were found.</summary>
    public IReadOnlyList<ConfigDiagnostic> Items => _items;

    /// <summary>True once any alert that makes the configuration invalid was added (see <see cref="ConfigDiagnostic.Fatal"/>).</summary>
    public bool HasAlerts { get; private set; }

    /// <summary>How many alerts that make the configuration invalid were added so far.</summary>
    public int FatalCount { get; private set; }

    /// <summary>True once an alert that stops HAProxy from reading further files was added.</summary>
    public bool HasAbort { get; private set; }

    /// <summary>Adds a diagnostic.</summary>
    public void Add(ConfigDiagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasAlerts |= diagnostic.IsFatal;
        FatalCount += diagnostic.IsFatal ? 1 : 0;
        HasAbort |= diagnostic.Aborts;
    }

    /// <summary>Adds an alert.</summary>
    public void Alert(SourceLocation? at, string message, string? keyword = null, LocationPrefix prefix = LocationPrefix.Parsing)
        => Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, at, message, keyword, prefix));

    /// <summary>Adds a warning.</summary>
    public void Warning(SourceLocation? at, string message, string? keyword = null, LocationPrefix prefix = LocationPrefix.Parsing)
        => Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, at, message, keyword, prefix));
}
