namespace ConfigParser.Tests.Corpus;

/// <summary>What one edit does to a configuration text.</summary>
internal enum EditKind
{
    /// <summary>Inserts the character before position At.</summary>
    Insert,

    /// <summary>Replaces the character at position At.</summary>
    Replace,

    /// <summary>Deletes the character at position At.</summary>
    Delete,

    /// <summary>Repeats line At (0-based) right after itself.</summary>
    DuplicateLine,

    /// <summary>Removes line At (0-based).</summary>
    DropLine,
}
