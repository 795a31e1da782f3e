namespace Proxy.Http.Conditions;

/// <summary>One `-m` match method over text samples (haproxy 2.6 configuration.txt §7.1.3), patterns prepared once.</summary>
internal interface IStringMatch
{
    /// <summary>True when the sample matches any pattern.</summary>
    bool Matches(ReadOnlySpan<char> sample);
}
