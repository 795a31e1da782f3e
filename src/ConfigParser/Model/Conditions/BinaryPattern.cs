namespace ConfigParser.Model.Conditions;

/// <summary>A pattern for `-m bin`: hexadecimal digits, compared with the sample's bytes.</summary>
/// <param name="Text">The pattern as written.</param>
/// <param name="Bytes">The decoded bytes.</param>
public sealed record BinaryPattern(string Text, IReadOnlyList<byte> Bytes) : AclPattern(Text);
