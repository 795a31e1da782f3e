namespace ConfigParser.Diagnostics;

/// <summary>HAProxy's message levels as `haproxy -c` prints them.</summary>
public enum DiagnosticSeverity
{
    /// <summary>[NOTICE]: information only.</summary>
    Notice,

    /// <summary>[WARNING]: the file is still valid ("Warnings were found.").</summary>
    Warning,

    /// <summary>[ALERT]: the file is invalid; `-c` exits 1.</summary>
    Alert,
}
