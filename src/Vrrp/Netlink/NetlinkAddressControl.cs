using Vrrp.Config;

namespace Vrrp.Netlink;

/// <summary>Adds and removes VIPs with RTM_NEWADDR / RTM_DELADDR and waits for the kernel's acknowledgement.</summary>
public sealed class NetlinkAddressControl : IAddressControl, IDisposable
{
    private const int Eexist = -17, Eaddrnotavail = -99, Enodev = -19;
    private readonly NetlinkSocket _socket = new(TimeSpan.FromSeconds(1));
    private readonly Lock _lock = new();
    private readonly byte[] _buffer = new byte[8192];
    private uint _sequence;

    /// <inheritdoc/>
    public string? Add(VirtualAddress address)
        => Request(address, seq => NetlinkMessages.AddAddress(seq, Index(address), address.Address, address.PrefixLength, address.Label, address.Broadcast), Eexist);

    /// <inheritdoc/>
    public string? Remove(VirtualAddress address)
        => Request(address, seq => NetlinkMessages.DeleteAddress(seq, Index(address), address.Address, address.PrefixLength), Eaddrnotavail);

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();

    private static int Index(VirtualAddress address) => (int)Interop.if_nametoindex(address.Interface);

    private string? Request(VirtualAddress address, Func<uint, byte[]> build, int benign)
    {
        if (Index(address) == 0)
        {
            return $"interface {address.Interface} not found";
        }

        lock (_lock)
        {
            var sequence = ++_sequence;
            _socket.Send(build(sequence));
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var n = _socket.Receive(_buffer);
                if (n == 0)
                {
                    break;
                }

                if (NetlinkMessages.ReadAck(_buffer.AsSpan(0, n), sequence) is { } errno)
                {
                    return errno == 0 || errno == benign ? null
                        : errno == Enodev ? $"interface {address.Interface} not found"
                        : $"netlink error {-errno} for {address.Address}/{address.PrefixLength} on {address.Interface}";
                }
            }

            return $"no netlink acknowledgement for {address.Address}/{address.PrefixLength} on {address.Interface}";
        }
    }
}
