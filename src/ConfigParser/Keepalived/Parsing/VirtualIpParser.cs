using System.Net;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Reads `virtual_ipaddress` lines: `ADDR[/LEN] [brd B] [dev IF] [scope S] [label L] [other options]`.
/// Observed wordings: "VRRP parsed invalid IP 300.1.1.1. skipping IP..." and
/// "WARNING - interface eth1 for ip address 192.168.200.17 doesn't exist".
/// </summary>
internal static class VirtualIpParser
{
    /// <summary>The addresses that parse; the others are reported and skipped.</summary>
    public static List<VirtualIpAddress> Parse(KeepalivedParseContext context, KeepalivedDirective block, string owner, System.Net.Sockets.AddressFamily? family = null)
    {
        var result = new List<VirtualIpAddress>();
        var checkFamily = block.Keyword == "virtual_ipaddress";
        foreach (var line in block.Children)
        {
            if (!ValueReader.TryAddress(line.Keyword, out var address, out var prefix))
            {
                context.Error(line.Location, $"VRRP parsed invalid IP {line.Keyword}. skipping IP...", block.Keyword);
                continue;
            }

            var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            if (prefix is { } p && (p < 0 || p > max))
            {
                // Observed: "number '33' outside range [0, 32]" then "Invalid address prefix len 33 for address 10.0.0.1/33 - using 32".
                var written = line.Keyword[(line.Keyword.IndexOf('/') + 1)..];
                context.Error(line.Location, p < 0 ? $"invalid number '{written}'" : $"number '{written}' outside range [0, {max}]", block.Keyword);
                context.Error(line.Location, $"Invalid address prefix len {written} for address {line.Keyword} - using {max}", block.Keyword);
                prefix = max;
            }

            family ??= address.AddressFamily;
            if (checkFamily && address.AddressFamily != family)
            {
                context.Error(line.Location, $"({owner}): address family must match VRRP instance [{line.Keyword}] - ignoring", block.Keyword);
                continue;
            }

            var vip = new VirtualIpAddress
            {
                Address = address,
                PrefixLength = prefix ?? max,
                Location = line.Location,
            };
            var options = new List<string>();
            var args = line.Arguments;
            for (var i = 0; i < args.Count; i++)
            {
                var value = i + 1 < args.Count ? args[i + 1] : null;
                switch (args[i])
                {
                    case "dev" when value is not null:
                        vip = vip with { Device = value };
                        context.CheckInterface(value, line.Location, $"WARNING - interface {value} for ip address {line.Keyword} doesn't exist");
                        i++;
                        break;
                    case "label" when value is not null:
                        vip = vip with { Label = value };
                        i++;
                        break;
                    case "scope" when value is not null:
                        vip = vip with { Scope = value };
                        i++;
                        break;
                    case "brd" when value is not null:
                        vip = vip with { Broadcast = IPAddress.TryParse(value, out var brd) ? brd : null };
                        i++;
                        break;
                    default:
                        options.Add(args[i]);
                        break;
                }
            }

            result.Add(vip with { Options = options });
        }

        return result;
    }
}
