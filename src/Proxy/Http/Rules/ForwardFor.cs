using System.Net;
using System.Net.Sockets;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.Rules;

/// <summary>
/// `option forwardfor [except NET] [header NAME] [if-none]` of a frontend and the backend it sent to, combined as haproxy
/// 2.6 does (src/http_ana.c http_process_request): either side enables it; `if-none` only holds when neither side
/// asks for the header always; the backend's header name wins when the backend has the option; a source inside
/// either side's `except` network gets no header. The client's address is appended as a new header, after every
/// `http-request` rule ran. `option originalto` works the same way with the address the client connected to
/// (X-Original-To; no `if-none`, the except network applies to that address).
/// </summary>
internal sealed class ForwardFor
{
    private readonly IPNetwork[] _except;
    private readonly bool _always;
    private readonly bool _destination;

    private ForwardFor(string header, bool always, IPNetwork[] except, bool destination)
    {
        Header = header;
        _always = always;
        _except = except;
        _destination = destination;
    }

    /// <summary>The header's name.</summary>
    public string Header { get; }

    /// <summary>The combined setting, or null when neither side enables the option (both sides' options share a name).</summary>
    public static ForwardFor? Combine(ForwardForOption? frontend, ForwardForOption? backend)
    {
        if ((backend ?? frontend) is not { } any)
        {
            return null;
        }

        var destination = any.Name == "originalto";
        var defaultHeader = destination ? "X-Original-To" : "X-Forwarded-For";
        var header = backend is not null ? backend.Header ?? defaultHeader : frontend!.Header ?? defaultHeader;
        var always = destination || frontend is { IfNone: false } || backend is { IfNone: false };
        IPNetwork[] except = [.. new[] { frontend?.Except, backend?.Except }.OfType<string>().Select(ParseNetwork).OfType<IPNetwork>()];
        return new ForwardFor(header, always, except, destination);
    }

    /// <summary>
    /// The `forwardfor` (or <paramref name="name"/>) option among a proxy's options: the last one wins, and
    /// `no option forwardfor` disables it.
    /// </summary>
    public static ForwardForOption? Find(IReadOnlyList<ProxyOption> options, string name = "forwardfor")
        => options.LastOrDefault(o => o.Name == name) as ForwardForOption is { Enabled: true } option ? option : null;

    /// <summary>`except NET[/MASK]`: a CIDR length or a dotted mask; a bare address is one host.</summary>
    public static IPNetwork? ParseNetwork(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return null;
        }

        var full = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = full;
        if (slash >= 0)
        {
            var mask = text[(slash + 1)..];
            if (IPAddress.TryParse(mask, out var dotted) && mask.Contains('.', StringComparison.Ordinal))
            {
                length = dotted.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b));
            }
            else if (!int.TryParse(mask, out length) || length < 0 || length > full)
            {
                return null;
            }
        }

        // Host bits in the written address are ignored, as HAProxy masks them.
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < full; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), length);
    }

    /// <summary>The value to append for this request, or null when no header is to be added.</summary>
    public string? ValueFor(HttpContext context)
    {
        if (!_always && context.Request.Headers.ContainsKey(Header))
        {
            return null;
        }

        var source = _destination ? context.Connection.LocalIpAddress : context.Connection.RemoteIpAddress;
        if (source is null)
        {
            return null;
        }

        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        foreach (var network in _except)
        {
            if (network.BaseAddress.AddressFamily == source.AddressFamily && network.Contains(source))
            {
                return null;
            }
        }

        return source.ToString();
    }
}
