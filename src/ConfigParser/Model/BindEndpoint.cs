namespace ConfigParser.Model;

/// <summary>One address and port a `bind` line listens on (a port range or a comma list yields several).</summary>
/// <param name="Host">The address as written; empty or "*" means every IPv4 address.</param>
/// <param name="Port">The TCP port.</param>
public sealed record BindEndpoint(string Host, int Port)
{
    /// <summary>True for "", "*" and "0.0.0.0": all IPv4 addresses.</summary>
    public bool IsAnyIPv4 => Host is "" or "*" or "0.0.0.0";

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
