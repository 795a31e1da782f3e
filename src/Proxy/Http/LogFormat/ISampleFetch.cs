using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>A sample fetch giving one value (haproxy 2.6 §7.3: outside ACLs a fetch yields a single sample).</summary>
internal interface ISampleFetch
{
    /// <summary>The sample's text, or null when the fetch finds nothing.</summary>
    string? Fetch(HttpContext context);
}
