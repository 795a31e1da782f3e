namespace Proxy.Http.LogFormat;

/// <summary>One sample converter (haproxy 2.6 configuration.txt §7.3.1), prepared once.</summary>
internal interface ISampleConverter
{
    /// <summary>The converted value, or null when the converter fails (the sample is then absent).</summary>
    string? Convert(string value);
}
