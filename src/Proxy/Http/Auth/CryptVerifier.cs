using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Proxy.Http.Auth;

/// <summary>
/// Checks a password against a userlist `password` hash with the system's crypt(3), as HAProxy does. A hash can be
/// deliberately slow (SHA-512 crypt runs thousands of rounds), so accepted and refused answers are remembered,
/// keyed by user and a digest of the password, up to a bound; the cache is emptied when full.
/// </summary>
internal static class CryptVerifier
{
    private const int CacheLimit = 1024;

    // crypt() returns a static buffer: one call at a time.
    private static readonly Lock CryptLock = new();
    private static readonly ConcurrentDictionary<(string Hash, string Digest), bool> Verified = new();

    /// <summary>True when crypt(<paramref name="password"/>, <paramref name="hash"/>) gives <paramref name="hash"/> back.</summary>
    public static bool Verify(string password, string hash)
    {
        var key = (hash, Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password))));
        if (Verified.TryGetValue(key, out var known))
        {
            return known;
        }

        bool result;
        lock (CryptLock)
        {
            var output = Interop.Crypt(password, hash);
            result = output != IntPtr.Zero && Marshal.PtrToStringUTF8(output) == hash;
        }

        if (Verified.Count >= CacheLimit)
        {
            Verified.Clear();
        }

        Verified[key] = result;
        return result;
    }
}
