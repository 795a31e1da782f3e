namespace ConfigParser.Diagnostics;

/// <summary>Where a directive came from: the file as named on the command line and a 1-based line number.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
