namespace Proxy.Http.Upstream;

/// <summary>Where one header line's name and value lie in a parsed response head.</summary>
internal readonly record struct H1HeaderRange(int NameStart, int NameLength, int ValueStart, int ValueLength, H1HeaderKind Kind);
