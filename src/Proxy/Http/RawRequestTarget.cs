using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Proxy.Http;

/// <summary>
/// The request target exactly as the client sent it. HAProxy 2.6 forwards the origin-form target byte for byte:
/// no percent-decoding or re-encoding, no dot-segment removal (S3 signatures cover the raw path and query, e.g.
/// presigned URLs with %2F, %3D and '+'). Kestrel's Path is decoded and normalised and YARP re-encodes it (a %2F
/// becomes %252F), so the destination is built from Kestrel's raw target instead, with System.Uri's
/// canonicalisation of path and query turned off.
/// </summary>
internal static class RawRequestTarget
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>
    /// The destination URI for <paramref name="context"/>'s request, or null when its target is not in origin form
    /// (an absolute-form or asterisk target), where YARP's own construction applies.
    /// </summary>
    public static Uri? Destination(HttpContext context, string destinationPrefix)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return null;
        }

        return Uri.TryCreate(destinationPrefix + raw, Verbatim, out var uri) ? uri : null;
    }
}
