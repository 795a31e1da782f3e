namespace ConfigParser.Sections;

/// <summary>The four proxy section keywords.</summary>
internal enum ProxyKind
{
    Defaults,
    Frontend,
    Backend,
    Listen,
}
