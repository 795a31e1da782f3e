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
    public static List<VirtualIpAddress> Parse(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var result = new List<VirtualIpAddress>();
        foreach (var line in block.Children)
        {
            if (!ValueReader.TryAddress(line.Keyword, out var address, out var prefix))
            {
                context.Error(line.Location, $"VRRP parsed invalid IP {line.Keyword}. skipping IP...", block.Keyword);
                continue;
            }

            var vip = new VirtualIpAddress
            {
                Address = address,
                PrefixLength = prefix ?? (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128),
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
