using System.Net;

namespace Vrrp.Config;

/// <summary>One virtual address to add or remove: `virtual_ipaddress` (or `_excluded`) line resolved to its interface.</summary>
/// <param name="Address">The address.</param>
/// <param name="PrefixLength">Prefix length (32/128 when not given, as keepalived).</param>
/// <param name="Interface">`dev`, else the instance's interface.</param>
/// <param name="Label">`label`, if any.</param>
/// <param name="Broadcast">`brd`, if any.</param>
/// <param name="InAdvert">False for `virtual_ipaddress_excluded` (managed but not advertised).</param>
public sealed record VirtualAddress(IPAddress Address, int PrefixLength, string Interface, string? Label, IPAddress? Broadcast, bool InAdvert);
