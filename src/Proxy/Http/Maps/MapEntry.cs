namespace Proxy.Http.Maps;

/// <summary>One line of a map file: the key the sample is matched against, and the value the converter returns.</summary>
internal sealed record MapEntry(string Key, string Value);
