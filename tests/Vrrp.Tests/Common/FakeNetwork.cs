using System.Net;
using System.Threading.Channels;
using Vrrp.Arp;
using Vrrp.Config;
using Vrrp.Netlink;
using Vrrp.Protocol;
using Vrrp.Transport;

namespace Vrrp.Tests.Common;

/// <summary>Records what a runner sends, adds, removes and announces; nothing touches the OS.</summary>
internal sealed class FakeNetwork : IAdvertChannel, IAddressControl, IAnnouncer
{
    private readonly Channel<byte[]> _never = Channel.CreateUnbounded<byte[]>();

    public List<VrrpAdvert> Sent { get; } = [];
    public HashSet<IPAddress> Held { get; } = [];
    public List<string> Log { get; } = [];
    public int Announcements { get; private set; }

    public IPAddress LocalAddress { get; init; } = IPAddress.Parse("203.0.113.12");
    public IPAddress Destination => IPAddress.Parse(VrrpConstants.IPv4Multicast);

    public void Send(ReadOnlySpan<byte> message)
    {
        var decoded = VrrpAdvertCodec.Decode(message, LocalAddress, Destination);
        Assert.True(decoded.IsValid, decoded.Detail);
        Sent.Add(decoded.Advert!);
        Log.Add($"advert {decoded.Advert!.Priority}");
    }

    public async ValueTask<ReceivedAdvert> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await _never.Reader.ReadAsync(cancellationToken);
        return default;
    }

    public string? Add(VirtualAddress address)
    {
        Held.Add(address.Address);
        Log.Add("add");
        return null;
    }

    public string? Remove(VirtualAddress address)
    {
        Held.Remove(address.Address);
        Log.Add("remove");
        return null;
    }

    public void Announce(IReadOnlyList<VirtualAddress> addresses, int count)
    {
        Announcements += count * addresses.Count;
        Log.Add($"garp {count}");
    }

    public void Dispose()
    {
    }
}
