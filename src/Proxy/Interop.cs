using System.Runtime.InteropServices;

namespace Proxy;

/// <summary>The native functions this project calls; every declaration lives here.</summary>
internal static partial class Interop
{
    /// <summary>
    /// crypt(3) from libxcrypt (Debian 12's libcrypt.so.1): hashes <paramref name="key"/> with the method and salt
    /// encoded in <paramref name="setting"/>. Returns a pointer to a static buffer (not thread-safe), or null.
    /// </summary>
    [LibraryImport("libcrypt.so.1", EntryPoint = "crypt", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr Crypt(string key, string setting);
}
