using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions.Keywords;

/// <summary>A converter HAProxy 2.6 knows: its name, arguments, input and output types.</summary>
internal sealed record ConverterKeyword(string Name, ArgumentSpec Arguments, SampleType Input, SampleType Output);
