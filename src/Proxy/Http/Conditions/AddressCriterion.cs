using System.Net;
using System.Net.Sockets;
using ConfigParser.Model.Conditions;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>
/// `src` / `dst` with `-m ip` (or `-m found`). An IPv4 network also matches an IPv4-mapped IPv6 client, and an IPv6
/// network matches an IPv4 client through its mapped form (haproxy 2.6 src/pattern.c pat_match_ip).
/// </summary>
internal sealed class AddressCriterion(bool source, MatchMethod method, IpNetworkPattern[] networks) : IRequestPredicate
{
    public bool Matches(HttpContext context)
    {
        var address = source ? context.Connection.RemoteIpAddress : context.Connection.LocalIpAddress;
        if (address is null)
        {
            return false;
        }

        if (method == MatchMethod.Found)
        {
            return true;
        }

        Span<byte> sample = stackalloc byte[16];
        address.TryWriteBytes(sample, out var written);
        sample = sample[..written];
        Span<byte> mapped = stackalloc byte[16];
        foreach (var network in networks)
        {
            if (Contains(network, Normalize(sample, network.Address.AddressFamily, mapped)))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> Normalize(ReadOnlySpan<byte> sample, AddressFamily family, Span<byte> scratch)
    {
        if (family == AddressFamily.InterNetwork && sample.Length == 16)
        {
            // ::ffff:a.b.c.d compares as a.b.c.d; any other IPv6 address cannot be in an IPv4 network.
            return sample[..10].IndexOfAnyExcept((byte)0) < 0 && sample[10] == 0xff && sample[11] == 0xff ? sample[12..] : default;
        }

        if (family == AddressFamily.InterNetworkV6 && sample.Length == 4)
        {
            scratch.Clear();
            scratch[10] = 0xff;
            scratch[11] = 0xff;
            sample.CopyTo(scratch[12..]);
            return scratch;
        }

        return sample;
    }

    private static bool Contains(IpNetworkPattern network, ReadOnlySpan<byte> sample)
    {
        Span<byte> bytes = stackalloc byte[16];
        network.Address.TryWriteBytes(bytes, out var written);
        if (sample.Length != written)
        {
            return false;
        }

        var bits = network.PrefixLength;
        var whole = bits / 8;
        if (!sample[..whole].SequenceEqual(bytes[..whole]))
        {
            return false;
        }

        var rest = bits % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xff << (8 - rest));
        return (sample[whole] & mask) == (bytes[whole] & mask);
    }
}
