using System.Net;
using ConfigParser.Keepalived;
using Vrrp.Config;

namespace Vrrp.Tests.Config;

public class VrrpConfigMapperTests
{
    private static VrrpNodeConfig Map(string text, out IReadOnlyList<string> errors)
    {
        var parsed = KeepalivedConfigLoader.Parse("k.conf", text);
        Assert.NotNull(parsed.Config);
        return VrrpConfigMapper.Map(parsed.Config!, out errors);
    }

    private const string Instance = """
        vrrp_script chk {
          script "/bin/true"
          interval 2
          weight 2
          rise 2
          fall 3
        }
        vrrp_instance VI_1 {
          interface eth0
          state MASTER
          virtual_router_id 51
          priority 101
          advert_int 1
          nopreempt
          authentication {
            auth_type PASS
            auth_pass secret
          }
          virtual_ipaddress {
            203.0.113.100/24 dev eth0 label eth0:vip
          }
          virtual_ipaddress_excluded {
            198.51.100.7
          }
          track_script {
            chk
          }
          track_interface {
            eth1 weight -10
          }
        }
        """;

    [Fact]
    public void Map_TypicalInstance_CarriesEverySettingWithKeepalivedDefaults()
    {
        var node = Map(Instance, out var errors);

        Assert.Empty(errors);
        var vi = Assert.Single(node.Instances);
        Assert.Equal(("VI_1", "eth0", 51, 101, 100, 2), (vi.Name, vi.Interface, vi.VirtualRouterId, vi.Priority, vi.AdvertIntervalCentiseconds, vi.Version));
        Assert.False(vi.Preempt);
        Assert.Equal((1, "secret"), (vi.AuthType, vi.Password));
        Assert.Equal([IPAddress.Parse("203.0.113.100")], vi.AdvertisedAddresses);
        Assert.Equal(2, vi.Addresses.Count);
        Assert.Equal(("eth0:vip", 24), (vi.Addresses[0].Label, vi.Addresses[0].PrefixLength));
        Assert.Equal(32, vi.Addresses[1].PrefixLength);
        Assert.Equal([new TrackReference("chk", 2)], vi.TrackScripts);
        Assert.Equal([new TrackReference("eth1", -10)], vi.TrackInterfaces);
        Assert.Equal((TimeSpan.FromSeconds(5), 5), (vi.GarpMasterDelay, vi.GarpMasterRepeat));
        var script = Assert.Single(node.Scripts);
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 2, 3), (script.Interval, script.Timeout, script.Rise, script.Fall));
    }

    [Fact]
    public void Map_AuthTypeAh_IsRefusedNamingTheInstanceAndLine()
    {
        Map(Instance.Replace("auth_type PASS", "auth_type AH"), out var errors);

        var error = Assert.Single(errors);
        Assert.Contains("vrrp_instance VI_1 (k.conf:8)", error);
        Assert.Contains("AH", error);
    }

    [Fact]
    public void Map_Version3_UsesCentisecondIntervalsAndNoAuth()
    {
        var node = Map(Instance.Replace("advert_int 1", "advert_int 0.2\n  version 3"), out var errors);

        Assert.Empty(errors);
        Assert.Equal((3, 20, 0), (node.Instances[0].Version, node.Instances[0].AdvertIntervalCentiseconds, node.Instances[0].AuthType));
    }

    [Fact]
    public void Map_Ipv6WithVersion2_IsRefusedWithTheReason()
    {
        Map(Instance.Replace("203.0.113.100/24 dev eth0 label eth0:vip", "2001:db8::100/64"), out var errors);

        Assert.Contains("need 'version 3'", Assert.Single(errors));
    }

    [Fact]
    public void Map_MixedFamilies_KeepsTheFirstFamilyAsKeepalivedDoes()
    {
        // keepalived 2.2.7 ignores a virtual_ipaddress of the other family (the parser reports it), so the
        // instance stays IPv4.
        var node = Map(Instance.Replace("203.0.113.100/24 dev eth0 label eth0:vip", "203.0.113.100/24\n    2001:db8::100/64"), out var errors);

        Assert.Empty(errors);
        Assert.Equal([IPAddress.Parse("203.0.113.100")], node.Instances[0].AdvertisedAddresses);
    }

    [Fact]
    public void Map_Ipv6Version3_IsAnIpv6Instance()
    {
        var node = Map(Instance.Replace("203.0.113.100/24 dev eth0 label eth0:vip", "2001:db8::100/64").Replace("advert_int 1", "advert_int 1\n  version 3"), out var errors);

        Assert.Empty(errors);
        Assert.True(node.Instances[0].IsIPv6);
    }

    [Fact]
    public void Map_SyncGroupTrackScript_AppliesToEveryMemberAndReverseIsKept()
    {
        var text = Instance.Replace("  weight 2\n", "  weight -4 reverse\n") + """

            vrrp_sync_group G {
              group {
                VI_1
              }
              track_script {
                chk weight 7
              }
            }
            """;

        var node = Map(text, out var errors);

        Assert.Empty(errors);
        Assert.Equal([new TrackReference("chk", -4), new TrackReference("chk", 7)], node.Instances[0].TrackScripts);
        Assert.True(node.Scripts[0].Reverse);
        Assert.Equal(["VI_1"], node.SyncGroups[0].Members);
    }
}
