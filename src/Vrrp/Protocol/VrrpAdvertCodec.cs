using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vrrp.Protocol;

/// <summary>
/// Encodes and decodes the VRRP message body (what follows the IP header). Version 2: RFC 3768 §5.1, 8-byte
/// header, 4 bytes per address, 8 bytes of auth data, checksum over the message only. Version 3: RFC 5798 §5.1,
/// 12-bit centisecond interval, no auth data, checksum over the IPv4/IPv6 pseudo-header too. Decoding never throws.
/// </summary>
public static class VrrpAdvertCodec
{
    /// <summary>Length of the fixed header in both versions.</summary>
    public const int HeaderLength = 8;

    /// <summary>Length of the VRRPv2 authentication data (RFC 3768 §5.3.10).</summary>
    public const int AuthDataLength = 8;

    private const int TypeAdvertisement = 1;

    /// <summary>Encodes an advert. <paramref name="source"/>/<paramref name="destination"/> feed the v3 pseudo-header.</summary>
    public static byte[] Encode(VrrpAdvert advert, IPAddress source, IPAddress destination)
    {
        var family = source.AddressFamily;
        var addressLength = family == AddressFamily.InterNetworkV6 ? 16 : 4;
        var length = HeaderLength + advert.Addresses.Count * addressLength + (advert.Version == 2 ? AuthDataLength : 0);
        var buffer = new byte[length];
        buffer[0] = (byte)((advert.Version << 4) | TypeAdvertisement);
        buffer[1] = (byte)advert.VirtualRouterId;
        buffer[2] = (byte)advert.Priority;
        buffer[3] = (byte)advert.Addresses.Count;
        if (advert.Version == 2)
        {
            buffer[4] = (byte)advert.AuthType;
            buffer[5] = (byte)(advert.AdvertIntervalCentiseconds / 100);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(4), (ushort)(advert.AdvertIntervalCentiseconds & 0x0fff));
        }

        var offset = HeaderLength;
        foreach (var address in advert.Addresses)
        {
            address.TryWriteBytes(buffer.AsSpan(offset, addressLength), out _);
            offset += addressLength;
        }

        if (advert.Version == 2 && advert.AuthType == 1)
        {
            // RFC 3768 §5.3.10: up to 8 characters, zero-padded.
            var bytes = Encoding.ASCII.GetBytes(advert.Password);
            bytes.AsSpan(0, Math.Min(bytes.Length, AuthDataLength)).CopyTo(buffer.AsSpan(offset));
        }

        var checksum = advert.Version == 2
            ? InternetChecksum.Compute(buffer)
            : InternetChecksum.ComputeWithPseudoHeader(buffer, source, destination, VrrpConstants.IpProtocol);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(6), checksum);
        return buffer;
    }

    /// <summary>
    /// Decodes a VRRP message received from <paramref name="source"/> to <paramref name="destination"/>; checks
    /// length, version, type and checksum. The semantic checks against an instance are in <see cref="VrrpAdvertValidator"/>.
    /// </summary>
    public static VrrpDecodeResult Decode(ReadOnlySpan<byte> message, IPAddress source, IPAddress destination)
    {
        if (message.Length < HeaderLength)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.Truncated, $"packet of {message.Length} bytes is shorter than the VRRP header");
        }

        var version = message[0] >> 4;
        var type = message[0] & 0x0f;
        if (version is not (2 or 3))
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.WrongVersion, $"wrong version {version}");
        }

        if (type != TypeAdvertisement)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.WrongType, $"unknown packet type {type}");
        }

        var family = source.AddressFamily;
        if (version == 2 && family != AddressFamily.InterNetwork)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.WrongFamily, "VRRPv2 over IPv6");
        }

        var count = message[3];
        var addressLength = family == AddressFamily.InterNetworkV6 ? 16 : 4;
        var needed = HeaderLength + count * addressLength + (version == 2 ? AuthDataLength : 0);
        if (message.Length < needed)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.Truncated, $"packet of {message.Length} bytes, {needed} needed for {count} address(es)");
        }

        var body = message[..needed];
        var ok = version == 2
            ? InternetChecksum.Compute(body) == 0
            : InternetChecksum.ComputeWithPseudoHeader(body, source, destination, VrrpConstants.IpProtocol) == 0;
        if (!ok)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.BadChecksum, "invalid checksum");
        }

        var addresses = new IPAddress[count];
        for (var i = 0; i < count; i++)
        {
            addresses[i] = new IPAddress(body.Slice(HeaderLength + i * addressLength, addressLength));
        }

        int interval, authType = 0;
        var password = "";
        if (version == 2)
        {
            authType = body[4];
            interval = body[5] * 100;
            if (authType == 1)
            {
                var auth = body.Slice(needed - AuthDataLength, AuthDataLength);
                var end = auth.IndexOf((byte)0);
                password = Encoding.Latin1.GetString(end < 0 ? auth : auth[..end]);
            }
        }
        else
        {
            interval = BinaryPrimitives.ReadUInt16BigEndian(body[4..]) & 0x0fff;
        }

        return new VrrpDecodeResult(new VrrpAdvert(version, body[1], body[2], interval, addresses, authType, password), VrrpRejectReason.None, "");
    }
}
