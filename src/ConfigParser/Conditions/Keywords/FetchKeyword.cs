using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions.Keywords;

/// <summary>A sample fetch HAProxy 2.6 knows: its name, arguments, output type and where it may be used.</summary>
internal sealed record FetchKeyword(string Name, ArgumentSpec Arguments, SampleType Output, SampleContexts ValidIn);
