using System.Net.Security;

namespace Proxy.Tls;

/// <summary>
/// Expands OpenSSL cipher strings (`ECDH+AESGCM:!aNULL`, `HIGH:@STRENGTH`, `DEFAULT`) by asking the system's libssl,
/// so the suites are exactly those haproxy 2.6 — which hands the strings to the same library — would enable. A string
/// libssl refuses (no match, or a vendor keyword like Red Hat's `PROFILE=SYSTEM` that Debian's OpenSSL lacks) is
/// refused here too. <see cref="TlsCipherSuite"/>'s numeric values are the IANA ids libssl reports.
/// </summary>
internal static class OpenSslCipherString
{
    /// <summary>The outcome of <see cref="Expand"/>.</summary>
    internal enum Result
    {
        /// <summary>The suites were expanded.</summary>
        Expanded,

        /// <summary>libssl refused `ciphers`.</summary>
        CiphersRefused,

        /// <summary>libssl refused `ciphersuites`.</summary>
        SuitesRefused,

        /// <summary>libssl could not be loaded; the caller falls back to explicit names.</summary>
        Unavailable,
    }

    /// <summary>
    /// The TLS 1.3 suites then the TLS 1.2-and-below ciphers a context would offer after setting
    /// <paramref name="ciphers"/> and <paramref name="suites"/> (each null = OpenSSL's default), in OpenSSL's order.
    /// </summary>
    public static Result Expand(string? ciphers, string? suites, out IReadOnlyList<TlsCipherSuite> expanded)
    {
        expanded = [];
        IntPtr context;
        try
        {
            context = Interop.SslCtxNew(Interop.TlsMethod());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Result.Unavailable;
        }

        if (context == IntPtr.Zero)
        {
            Interop.ErrClearError();
            return Result.Unavailable;
        }

        try
        {
            if (ciphers is not null && Interop.SslCtxSetCipherList(context, ciphers) != 1)
            {
                return Result.CiphersRefused;
            }

            if (suites is not null && Interop.SslCtxSetCipherSuites(context, suites) != 1)
            {
                return Result.SuitesRefused;
            }

            var stack = Interop.SslCtxGetCiphers(context);
            var count = stack == IntPtr.Zero ? 0 : Interop.OpenSslStackCount(stack);
            var list = new List<TlsCipherSuite>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add((TlsCipherSuite)Interop.SslCipherGetProtocolId(Interop.OpenSslStackValue(stack, i)));
            }

            expanded = list;
            return Result.Expanded;
        }
        finally
        {
            Interop.ErrClearError();
            Interop.SslCtxFree(context);
        }
    }
}
