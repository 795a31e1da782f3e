using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Conditions;

/// <summary>`src_port` (the client's port) and `dst_port` (the port the client connected to).</summary>
internal sealed class PortFetch(bool source) : IIntegerFetch
{
    public bool TryGet(HttpContext context, out long value)
    {
        value = source ? context.Connection.RemotePort : context.Connection.LocalPort;
        return true;
    }
}
