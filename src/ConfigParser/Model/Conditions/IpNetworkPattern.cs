using System.Net;

namespace ConfigParser.Model.Conditions;

/// <summary>A pattern for `-m ip`: an IPv4 or IPv6 address, with an optional `/prefix` or `/mask`.</summary>
/// <param name="Text">The pattern as written.</param>
/// <param name="Address">The network's address.</param>
/// <param name="PrefixLength">How many leading bits must match (32 or 128 for a single address).</param>
public sealed record IpNetworkPattern(string Text, IPAddress Address, int PrefixLength) : AclPattern(Text);
