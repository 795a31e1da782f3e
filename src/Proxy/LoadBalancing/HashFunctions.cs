using System.Numerics;

namespace Proxy.LoadBalancing;

/// <summary>
/// The 32-bit hash functions `hash-type` offers, on unsigned 32-bit arithmetic with wraparound (haproxy 2.6
/// src/hash.c, include/haproxy/intops.h; the formulas are in the spec sheet §1.4). Keys are bytes; text keys are
/// taken one byte per character (the low 8 bits), which is exact for the Latin-1 text Kestrel hands over.
/// </summary>
internal static class HashFunctions
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Hashes <paramref name="key"/> with <paramref name="function"/>.</summary>
    public static uint Hash<T>(HashFunction function, ReadOnlySpan<T> key)
        where T : unmanaged, IBinaryInteger<T> => function switch
        {
            HashFunction.Djb2 => Djb2(key),
            HashFunction.Wt6 => Wt6(key),
            HashFunction.Crc32 => Crc32(key),
            _ => Sdbm(key),
        };

    /// <summary>sdbm: h = c + (h &lt;&lt; 6) + (h &lt;&lt; 16) - h.</summary>
    public static uint Sdbm<T>(ReadOnlySpan<T> key)
        where T : unmanaged, IBinaryInteger<T>
    {
        uint h = 0;
        foreach (var unit in key)
        {
            h = byte.CreateTruncating(unit) + (h << 6) + (h << 16) - h;
        }

        return h;
    }

    /// <summary>djb2: h = h * 33 + c, from 5381.</summary>
    public static uint Djb2<T>(ReadOnlySpan<T> key)
        where T : unmanaged, IBinaryInteger<T>
    {
        uint h = 5381;
        foreach (var unit in key)
        {
            h = (h << 5) + h + byte.CreateTruncating(unit);
        }

        return h;
    }

    /// <summary>wt6: two rotating 32-bit states whose rotation counts depend on the data.</summary>
    public static uint Wt6<T>(ReadOnlySpan<T> key)
        where T : unmanaged, IBinaryInteger<T>
    {
        uint h0 = 0xa53c965a, h1 = 0x5ca6953a;
        int s0 = 6, s1 = 18;
        foreach (var unit in key)
        {
            uint t = byte.CreateTruncating(unit);
            h0 = ~(h0 ^ t);
            h1 = ~(h1 + t);
            var rotated = BitOperations.RotateLeft(h1, s0);
            h1 = BitOperations.RotateLeft(h0, s1);
            h0 = rotated;
            var x = ((h0 >> 16) ^ h1) & 0xffff;
            s0 = (int)(x & 31);
            s1 = (int)(x >> 11);
        }

        return h0 ^ h1;
    }

    /// <summary>The reflected CRC-32 of zlib (polynomial 0xEDB88320, initial and final inversion).</summary>
    public static uint Crc32<T>(ReadOnlySpan<T> key)
        where T : unmanaged, IBinaryInteger<T>
    {
        var table = CrcTable;
        var c = uint.MaxValue;
        foreach (var unit in key)
        {
            c = table[(c ^ byte.CreateTruncating(unit)) & 0xff] ^ (c >> 8);
        }

        return ~c;
    }

    /// <summary>
    /// haproxy's full_hash (`avalanche`; also places the consistent-hash points): Bob Jenkins' 32-bit full-avalanche
    /// integer hash, then a multiplication by 3221225473 (a prime near ¾ of 2^32) that haproxy 2.6 applies to spread the
    /// values over its tree. The spec sheet's formula stops before that multiplication; haproxy 2.6.12 picks servers
    /// as if it is there (BalanceParityTests).
    /// </summary>
    public static uint Avalanche(uint a)
    {
        a = (a + 0x7ed55d16) + (a << 12);
        a = (a ^ 0xc761c23c) ^ (a >> 19);
        a = (a + 0x165667b1) + (a << 5);
        a = (a + 0xd3a2646c) ^ (a << 9);
        a = (a + 0xfd7046c5) + (a << 3);
        a = (a ^ 0xb55a4f09) ^ (a >> 16);
        return unchecked(a * 3221225473u);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
