namespace ConfigParser;

/// <summary>One configuration file's text and the name diagnostics give it (the path as the user wrote it).</summary>
public sealed record ConfigSource(string Name, string Text);
