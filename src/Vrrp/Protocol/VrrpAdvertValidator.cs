namespace Vrrp.Protocol;

/// <summary>
/// The checks keepalived 2.2.7 makes on a decoded advert before the state machine sees it
/// (../shared/spec/vrrp.md "keepalived rejects and logs"). Order: other VRIDs are ignored first (silently), then
/// TTL, version, authentication, interval, address list.
/// </summary>
public static class VrrpAdvertValidator
{
    /// <summary>Validates <paramref name="advert"/> received with IP TTL / hop limit <paramref name="ttl"/>.</summary>
    public static VrrpDecodeResult Validate(VrrpAdvert advert, int ttl, VrrpExpectation expected)
    {
        if (advert.VirtualRouterId != expected.VirtualRouterId)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.OtherVirtualRouter, $"advert for VRID {advert.VirtualRouterId}", advert);
        }

        if (ttl != VrrpConstants.Ttl)
        {
            // RFC 5798 §7.1 / RFC 3768 §7.1: MUST discard a packet whose TTL is not 255.
            return VrrpDecodeResult.Reject(VrrpRejectReason.WrongTtl, $"invalid TTL/HL {ttl}, expected 255", advert);
        }

        if (advert.Version != expected.Version)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.WrongVersion, $"wrong version {advert.Version}, expected {expected.Version}", advert);
        }

        if (advert.Version == 2)
        {
            if (advert.AuthType != expected.AuthType)
            {
                return VrrpDecodeResult.Reject(VrrpRejectReason.AuthTypeMismatch, $"received auth type {advert.AuthType}, expecting {expected.AuthType}", advert);
            }

            if (expected.AuthType == 1 && advert.Password != Truncate(expected.Password))
            {
                return VrrpDecodeResult.Reject(VrrpRejectReason.WrongPassword, "invalid password", advert);
            }

            // RFC 3768 §7.1: a VRRPv2 advert whose interval differs from ours is discarded. VRRPv3 backups instead
            // learn the master's interval (RFC 5798 §6.4.2), so v3 is not checked here.
            if (advert.AdvertIntervalCentiseconds != expected.AdvertIntervalCentiseconds)
            {
                return VrrpDecodeResult.Reject(VrrpRejectReason.IntervalMismatch,
                    $"advertisement interval mismatch: ours {expected.AdvertIntervalCentiseconds / 100.0} s, received {advert.AdvertIntervalCentiseconds / 100.0} s", advert);
            }
        }

        // keepalived 2.2 compares the address list unless the priority is 0 or vrrp_skip_check_adv_addr is set;
        // a release advert is honoured whatever it carries.
        if (advert.Priority != VrrpConstants.ReleasePriority)
        {
            if (advert.Addresses.Count != expected.Addresses.Count)
            {
                return VrrpDecodeResult.Reject(VrrpRejectReason.AddressListMismatch,
                    $"{advert.Addresses.Count} address(es) in the advert, {expected.Addresses.Count} expected", advert);
            }

            foreach (var address in expected.Addresses)
            {
                if (!advert.Addresses.Contains(address))
                {
                    return VrrpDecodeResult.Reject(VrrpRejectReason.AddressListMismatch, $"address {address} not present in the advert", advert);
                }
            }
        }

        return new VrrpDecodeResult(advert, VrrpRejectReason.None, "");
    }

    private static string Truncate(string password) => password.Length > VrrpAdvertCodec.AuthDataLength ? password[..VrrpAdvertCodec.AuthDataLength] : password;
}
