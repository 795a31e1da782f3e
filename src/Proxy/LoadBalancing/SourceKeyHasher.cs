using System.Buffers.Binary;
using System.Net;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance source` (haproxy 2.6 src/backend.c get_server_sh): the key is the client address itself, never a string
/// hash. IPv4: the 32-bit address in host order; IPv6: the XOR of its four 32-bit big-endian words. Only the
/// `avalanche` modifier applies.
/// </summary>
internal sealed class SourceKeyHasher : IKeyHasher
{
    public static SourceKeyHasher Instance { get; } = new();

    public bool TryHash(in BalanceContext context, HashSettings settings, out uint hash)
    {
        hash = 0;
        if ((context.Source ?? context.Http?.Connection.RemoteIpAddress) is not { } address)
        {
            return false;
        }

        hash = settings.Finish(Key(address));
        return true;
    }

    /// <summary>The address as haproxy folds it into 32 bits.</summary>
    public static uint Key(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return 0;
        }

        uint key = 0;
        for (var i = 0; i + 4 <= written; i += 4)
        {
            key ^= BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]);
        }

        return key;
    }
}
