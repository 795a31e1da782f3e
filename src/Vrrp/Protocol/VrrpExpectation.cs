using System.Net;

namespace Vrrp.Protocol;

/// <summary>What an instance expects of the adverts of its virtual router (from its vrrp_instance).</summary>
/// <param name="Version">2 or 3.</param>
/// <param name="VirtualRouterId">Our VRID.</param>
/// <param name="AdvertIntervalCentiseconds">Our advert_int.</param>
/// <param name="AuthType">VRRPv2 auth type (0 none, 1 PASS).</param>
/// <param name="Password">VRRPv2 PASS password (at most 8 characters).</param>
/// <param name="Addresses">Our virtual addresses of the advert's family.</param>
public sealed record VrrpExpectation(
    int Version,
    int VirtualRouterId,
    int AdvertIntervalCentiseconds,
    int AuthType,
    string Password,
    IReadOnlyList<IPAddress> Addresses);
