namespace ConfigParser.Lexing;

/// <summary>The value of a ".if"/".elif" condition, or why it could not be parsed.</summary>
/// <param name="Value">The condition's truth value (false when <paramref name="Error"/> is set).</param>
/// <param name="Error">HAProxy's wording of the problem, without the "in '.if' at position N" tail; or null.</param>
/// <param name="ErrorIndex">0-based index in the condition text of the character HAProxy blames.</param>
internal sealed record ConditionResult(bool Value, string? Error, int ErrorIndex)
{
    public static ConditionResult Failure(string error, int index) => new(false, error, index);
}
