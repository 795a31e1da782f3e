using System.Net;

namespace Vrrp.Protocol;

/// <summary>A decoded VRRP advertisement (RFC 3768 §5.1 for version 2, RFC 5798 §5.1 for version 3).</summary>
/// <param name="Version">2 or 3.</param>
/// <param name="VirtualRouterId">VRID, 1 to 255.</param>
/// <param name="Priority">The sender's effective priority; 0 means it is releasing mastership.</param>
/// <param name="AdvertIntervalCentiseconds">
/// The advert interval in centiseconds (version 2 carries whole seconds on the wire; they are converted).
/// </param>
/// <param name="Addresses">The virtual addresses, in wire order.</param>
/// <param name="AuthType">Version 2 auth type (0 none, 1 simple password); 0 for version 3.</param>
/// <param name="Password">Version 2 auth data for type 1, trailing zero bytes removed; empty otherwise.</param>
public sealed record VrrpAdvert(
    int Version,
    int VirtualRouterId,
    int Priority,
    int AdvertIntervalCentiseconds,
    IReadOnlyList<IPAddress> Addresses,
    int AuthType = 0,
    string Password = "")
{
    /// <summary>Structural equality over the address list too (records compare lists by reference).</summary>
    public bool SameAs(VrrpAdvert other)
        => Version == other.Version && VirtualRouterId == other.VirtualRouterId && Priority == other.Priority
           && AdvertIntervalCentiseconds == other.AdvertIntervalCentiseconds && AuthType == other.AuthType
           && Password == other.Password && Addresses.SequenceEqual(other.Addresses);
}
