using System.Numerics;
using ConfigParser.Model;

namespace Proxy.LoadBalancing;

/// <summary>
/// `hash-type` with haproxy 2.6's defaults filled in (src/cfgparse-listen.c): map-based, sdbm, no avalanche;
/// `consistent` without a function means sdbm with avalanche; naming a function turns the implied avalanche off.
/// </summary>
internal readonly record struct HashSettings(bool Consistent, HashFunction Function, bool Avalanche)
{
    /// <summary>The settings a backend's `hash-type` line (or its absence) stands for.</summary>
    public static HashSettings From(HashTypeDefinition? definition)
    {
        if (definition is null)
        {
            return default;
        }

        var consistent = definition.Method == "consistent";
        var function = definition.Function switch
        {
            "djb2" => HashFunction.Djb2,
            "wt6" => HashFunction.Wt6,
            "crc32" => HashFunction.Crc32,
            _ => HashFunction.Sdbm,
        };
        return new HashSettings(consistent, function, definition.Avalanche || (consistent && definition.Function is null));
    }

    /// <summary>Hashes a text or byte key with the function, then the modifier.</summary>
    public uint Hash<T>(ReadOnlySpan<T> key)
        where T : unmanaged, IBinaryInteger<T> => Finish(HashFunctions.Hash(Function, key));

    /// <summary>Applies the modifier to a key that is already a number (`source`).</summary>
    public uint Finish(uint hash) => Avalanche ? HashFunctions.Avalanche(hash) : hash;
}
