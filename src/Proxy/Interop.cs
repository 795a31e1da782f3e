using System.Runtime.InteropServices;

namespace Proxy;

/// <summary>The native functions this project calls; every declaration lives here.</summary>
internal static partial class Interop
{
    private const string LibSsl = "libssl.so.3";
    private const string LibCrypto = "libcrypto.so.3";

    /// <summary>
    /// crypt(3) from libxcrypt (Debian 12's libcrypt.so.1): hashes <paramref name="key"/> with the method and salt
    /// encoded in <paramref name="setting"/>. Returns a pointer to a static buffer (not thread-safe), or null.
    /// </summary>
    [LibraryImport("libcrypt.so.1", EntryPoint = "crypt", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr Crypt(string key, string setting);

    // OpenSSL 3 (the same libssl .NET's System.Net.Security uses on Linux), asked to expand cipher strings exactly as
    // haproxy's SSL_CTX_set_cipher_list / SSL_CTX_set_ciphersuites calls would.

    /// <summary>TLS_method(3): the version-flexible method a throwaway SSL_CTX is made with.</summary>
    [LibraryImport(LibSsl, EntryPoint = "TLS_method")]
    internal static partial IntPtr TlsMethod();

    /// <summary>SSL_CTX_new(3); null on failure. Freed with <see cref="SslCtxFree"/>.</summary>
    [LibraryImport(LibSsl, EntryPoint = "SSL_CTX_new")]
    internal static partial IntPtr SslCtxNew(IntPtr method);

    /// <summary>SSL_CTX_free(3).</summary>
    [LibraryImport(LibSsl, EntryPoint = "SSL_CTX_free")]
    internal static partial void SslCtxFree(IntPtr context);

    /// <summary>SSL_CTX_set_cipher_list(3): TLS 1.2-and-below cipher string; 1 on success, 0 when nothing matched.</summary>
    [LibraryImport(LibSsl, EntryPoint = "SSL_CTX_set_cipher_list", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SslCtxSetCipherList(IntPtr context, string list);

    /// <summary>SSL_CTX_set_ciphersuites(3): TLS 1.3 suite list; 1 on success, 0 on a bad name.</summary>
    [LibraryImport(LibSsl, EntryPoint = "SSL_CTX_set_ciphersuites", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SslCtxSetCipherSuites(IntPtr context, string list);

    /// <summary>SSL_CTX_get_ciphers(3): the context's STACK_OF(SSL_CIPHER), owned by the context.</summary>
    [LibraryImport(LibSsl, EntryPoint = "SSL_CTX_get_ciphers")]
    internal static partial IntPtr SslCtxGetCiphers(IntPtr context);

    /// <summary>SSL_CIPHER_get_protocol_id(3): the two-byte IANA id of a cipher.</summary>
    [LibraryImport(LibSsl, EntryPoint = "SSL_CIPHER_get_protocol_id")]
    internal static partial ushort SslCipherGetProtocolId(IntPtr cipher);

    /// <summary>SSL_CIPHER_get_name(3): OpenSSL's name of a cipher (static string).</summary>
    [LibraryImport(LibSsl, EntryPoint = "SSL_CIPHER_get_name")]
    internal static partial IntPtr SslCipherGetName(IntPtr cipher);

    /// <summary>OPENSSL_sk_num: the element count of an OpenSSL stack.</summary>
    [LibraryImport(LibCrypto, EntryPoint = "OPENSSL_sk_num")]
    internal static partial int OpenSslStackCount(IntPtr stack);

    /// <summary>OPENSSL_sk_value: element <paramref name="index"/> of an OpenSSL stack.</summary>
    [LibraryImport(LibCrypto, EntryPoint = "OPENSSL_sk_value")]
    internal static partial IntPtr OpenSslStackValue(IntPtr stack, int index);

    /// <summary>ERR_clear_error(3): drops what a refused list left on this thread's error queue.</summary>
    [LibraryImport(LibCrypto, EntryPoint = "ERR_clear_error")]
    internal static partial void ErrClearError();
    // Linux sockets and epoll for the transport (src/Proxy/Transport): libc's wrappers, errno through
    // Marshal.GetLastPInvokeError. Pointers are to pinned pool memory or stack buffers.
    private const string LibC = "libc";

    /// <summary>epoll_create1(2).</summary>
    [LibraryImport(LibC, EntryPoint = "epoll_create1", SetLastError = true)]
    internal static partial int EpollCreate1(int flags);

    /// <summary>epoll_ctl(2); <paramref name="ev"/> points at one native struct epoll_event (see EpollEvent).</summary>
    [LibraryImport(LibC, EntryPoint = "epoll_ctl", SetLastError = true)]
    internal static unsafe partial int EpollCtl(int epfd, int op, int fd, byte* ev);

    /// <summary>epoll_wait(2) into <paramref name="events"/> (room for <paramref name="maxEvents"/> native events).</summary>
    [LibraryImport(LibC, EntryPoint = "epoll_wait", SetLastError = true)]
    internal static unsafe partial int EpollWait(int epfd, byte* events, int maxEvents, int timeout);

    /// <summary>accept4(2).</summary>
    [LibraryImport(LibC, EntryPoint = "accept4", SetLastError = true)]
    internal static unsafe partial int Accept4(int fd, byte* address, int* addressLength, int flags);

    /// <summary>recv(2).</summary>
    [LibraryImport(LibC, EntryPoint = "recv", SetLastError = true)]
    internal static unsafe partial nint Recv(int fd, byte* buffer, nuint length, int flags);

    /// <summary>send(2).</summary>
    [LibraryImport(LibC, EntryPoint = "send", SetLastError = true)]
    internal static unsafe partial nint Send(int fd, byte* buffer, nuint length, int flags);

    /// <summary>sendmsg(2) with a native struct msghdr.</summary>
    [LibraryImport(LibC, EntryPoint = "sendmsg", SetLastError = true)]
    internal static unsafe partial nint SendMsg(int fd, MessageHeader* message, int flags);

    /// <summary>shutdown(2).</summary>
    [LibraryImport(LibC, EntryPoint = "shutdown", SetLastError = true)]
    internal static partial int Shutdown(int fd, int how);

    /// <summary>close(2).</summary>
    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    /// <summary>getsockname(2).</summary>
    [LibraryImport(LibC, EntryPoint = "getsockname", SetLastError = true)]
    internal static unsafe partial int GetSockName(int fd, byte* address, int* addressLength);

    /// <summary>getpeername(2).</summary>
    [LibraryImport(LibC, EntryPoint = "getpeername", SetLastError = true)]
    internal static unsafe partial int GetPeerName(int fd, byte* address, int* addressLength);

    /// <summary>setsockopt(2) with an int value.</summary>
    [LibraryImport(LibC, EntryPoint = "setsockopt", SetLastError = true)]
    internal static unsafe partial int SetSockOpt(int fd, int level, int name, int* value, int length);

    /// <summary>socket(2).</summary>
    [LibraryImport(LibC, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    /// <summary>connect(2).</summary>
    [LibraryImport(LibC, EntryPoint = "connect", SetLastError = true)]
    internal static unsafe partial int Connect(int fd, byte* address, int addressLength);

    /// <summary>getsockopt(2) with an int value.</summary>
    [LibraryImport(LibC, EntryPoint = "getsockopt", SetLastError = true)]
    internal static unsafe partial int GetSockOpt(int fd, int level, int name, int* value, int* length);

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (LP64 layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct MessageHeader
    {
        public byte* Name;
        public int NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }
}
