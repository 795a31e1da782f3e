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
/// `http-request` rule ran.
/// </summary>
internal sealed class ForwardFor
{
    private const string DefaultHeader = "X-Forwarded-For";

    private readonly IPNetwork[] _except;
    private readonly bool _always;

    private ForwardFor(string header, bool always, IPNetwork[] except)
    {
        Header = header;
        _always = always;
        _except = except;
    }

    /// <summary>The header's name.</summary>
    public string Header { get; }

    /// <summary>The combined setting, or null when neither side enables the option.</summary>
    public static ForwardFor? Combine(ForwardForOption? frontend, ForwardForOption? backend)
    {
        if (frontend is null && backend is null)
        {
            return null;
        }

        var header = backend is not null ? backend.Header ?? DefaultHeader : frontend!.Header ?? DefaultHeader;
        var always = frontend is { IfNone: false } || backend is { IfNone: false };
        IPNetwork[] except = [.. new[] { frontend?.Except, backend?.Except }.OfType<string>().Select(ParseNetwork).OfType<IPNetwork>()];
        return new ForwardFor(header, always, except);
    }

    /// <summary>The option of that name among a proxy's options (the last one wins; `no option forwardfor` disables).</summary>
    public static ForwardForOption? Find(IReadOnlyList<ProxyOption> options)
        => options.LastOrDefault(o => o.Name == "forwardfor") as ForwardForOption is { Enabled: true } option ? option : null;

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

        var source = context.Connection.RemoteIpAddress;
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
