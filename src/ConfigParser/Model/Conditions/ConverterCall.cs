namespace ConfigParser.Model.Conditions;

/// <summary>One converter of a sample expression, e.g. `lower` or `field(2,/)`.</summary>
/// <param name="Name">The converter's keyword.</param>
/// <param name="Arguments">Its arguments as written between the parentheses, split on commas.</param>
/// <param name="OutputType">What it returns (from `haproxy -dKcnv`).</param>
public sealed record ConverterCall(string Name, IReadOnlyList<string> Arguments, SampleType OutputType);
