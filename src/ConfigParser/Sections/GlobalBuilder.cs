namespace ConfigParser.Sections;

/// <summary>The mutable `global` settings while global sections are read.</summary>
internal sealed class GlobalBuilder
{
    public int? MaxConn { get; set; }

    public string? PidFile { get; set; }

    public bool Daemon { get; set; }
}
