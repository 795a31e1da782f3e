using Vrrp.Config;

namespace Vrrp.Arp;

/// <summary>Sends gratuitous ARPs / unsolicited NAs for virtual addresses.</summary>
public interface IAnnouncer
{
    /// <summary>Sends <paramref name="count"/> announcements for each address, back to back.</summary>
    void Announce(IReadOnlyList<VirtualAddress> addresses, int count);
}
