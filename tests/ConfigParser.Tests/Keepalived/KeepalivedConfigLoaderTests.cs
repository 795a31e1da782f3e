using System.Net;
using ConfigParser.Keepalived;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Tests.Keepalived;

/// <summary>
/// Keywords, values and messages through the public loader, with <see cref="KeepalivedHostProbe.FileOnly"/> so
/// the text alone decides. Expected messages are keepalived 2.2.7's, pasted from `keepalived -t -l -D -n`.
/// </summary>
public sealed class KeepalivedConfigLoaderTests
{
    private const string Vip = "  virtual_ipaddress {\n    10.1.1.1\n  }\n";

    private static KeepalivedParseResult Parse(string text, string host = "vm") => KeepalivedConfigLoader.Parse("t.conf", text, host);

    private static string Instance(string body) => "vrrp_instance V {\n  interface eth0\n  virtual_router_id 5\n" + Vip + body + "}\n";

    [Fact]
    public void Parse_FullInstance_BuildsTypedModel()
    {
        var everythingFound = KeepalivedHostProbe.FileOnly with { CommandExists = _ => true, UserExists = _ => true };
        var result = KeepalivedConfigLoader.Parse(
            "t.conf",
            "global_defs {\n  router_id R1\n  enable_script_security\n  script_user nobody nogroup\n  vrrp_garp_master_delay 5\n}\n" +
            "vrrp_script chk {\n  script \"/usr/bin/check a\"\n  interval 2.5\n  timeout 3\n  weight -20\n  rise 2\n  fall 3\n  user root\n}\n" +
            "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 150\n  advert_int 0.5\n" +
            "  nopreempt\n  preempt_delay 10\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n" +
            "  virtual_ipaddress {\n    192.0.2.10/24 brd 192.0.2.255 dev eth1 scope global label eth1:vip\n    192.0.2.12\n  }\n" +
            "  virtual_ipaddress_excluded {\n    2001:db8::1\n  }\n  unicast_src_ip 192.0.2.1\n  unicast_peer {\n    192.0.2.2\n    192.0.2.3\n  }\n" +
            "  track_script {\n    chk weight 10\n  }\n  track_interface {\n    eth2 weight -5\n    eth3\n  }\n" +
            "  notify_master \"/bin/m x\"\n  notify_backup /bin/b\n  notify_fault /bin/f\n  notify_stop /bin/s\n  notify /bin/n\n" +
            "  garp_master_delay 1\n  garp_master_repeat 3\n  garp_master_refresh 60\n  version 2\n  use_vmac vrrp.51\n  dont_track_primary\n}\n",
            "vm",
            null,
            everythingFound);

        Assert.Empty(result.Messages);
        Assert.True(result.WouldPassKeepalivedCheck);
        var config = result.Config!;
        Assert.Equal("R1", config.Global.RouterId);
        Assert.True(config.Global.EnableScriptSecurity);
        Assert.Equal(("nobody", "nogroup"), (config.Global.ScriptUser, config.Global.ScriptGroup));
        Assert.Equal(5, config.Global.VrrpGarpMasterDelay);
        var script = Assert.Single(config.Scripts);
        Assert.Equal(("chk", "/usr/bin/check a", 2.5, 3.0, -20, 2, 3, "root"), (script.Name, script.Script, script.Interval, script.Timeout!.Value, script.Weight, script.Rise, script.Fall, script.User));
        var v = Assert.Single(config.Instances);
        Assert.Equal(("VI_1", VrrpState.Backup, "eth0", 51, 150, 0.5), (v.Name, v.State, v.Interface, v.VirtualRouterId!.Value, v.Priority, v.AdvertInterval));
        Assert.True(v.NoPreempt);
        Assert.Equal(10, v.PreemptDelay);
        Assert.Equal(new VrrpAuthentication(VrrpAuthType.Pass, "secret", new("t.conf", 24)), v.Authentication);
        Assert.Equal(2, v.VirtualIpAddresses.Count);
        var vip = v.VirtualIpAddresses[0];
        Assert.Equal((IPAddress.Parse("192.0.2.10"), 24, "eth1", "eth1:vip", "global", IPAddress.Parse("192.0.2.255")), (vip.Address, vip.PrefixLength, vip.Device, vip.Label, vip.Scope, vip.Broadcast));
        Assert.Equal(new("t.conf", 29), vip.Location);
        Assert.Equal(32, v.VirtualIpAddresses[1].PrefixLength);
        Assert.Equal((IPAddress.Parse("2001:db8::1"), 128), (Assert.Single(v.VirtualIpAddressesExcluded).Address, v.VirtualIpAddressesExcluded[0].PrefixLength));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), v.UnicastSourceIp);
        Assert.Equal([IPAddress.Parse("192.0.2.2"), IPAddress.Parse("192.0.2.3")], v.UnicastPeers);
        Assert.Equal([("chk", (int?)10)], v.TrackScripts.Select(t => (t.Name, t.Weight)));
        Assert.Equal([("eth2", (int?)-5), ("eth3", null)], v.TrackInterfaces.Select(t => (t.Name, t.Weight)));
        Assert.Equal(("/bin/m x", "/bin/b", "/bin/f", "/bin/s", "/bin/n"), (v.Notify.Master!.Command, v.Notify.Backup!.Command, v.Notify.Fault!.Command, v.Notify.Stop!.Command, v.Notify.Any!.Command));
        Assert.Equal((1, 3, 60, 2), (v.GarpMasterDelay!.Value, v.GarpMasterRepeat!.Value, v.GarpMasterRefresh!.Value, v.Version!.Value));
        Assert.True(v.UseVmac);
        Assert.Equal("vrrp.51", v.VmacName);
        Assert.True(v.DontTrackPrimary);
        Assert.Equal(new("t.conf", 16), v.Location);
    }

    [Fact]
    public void Parse_SyncGroupAndVirtualServer_BuildsTypedModel()
    {
        var result = Parse(
            "vrrp_sync_group G {\n  group {\n    A\n    B\n  }\n  notify_master /bin/m\n  track_script {\n    s\n  }\n}\n" +
            "virtual_server 192.0.2.100 80 {\n  delay_loop 6\n  lb_algo wlc\n  lb_kind DR\n  persistence_timeout 50\n  protocol TCP\n" +
            "  sorry_server 192.0.2.9 80\n  real_server 192.0.2.20 80 {\n    weight 3\n    inhibit_on_failure\n" +
            "    HTTP_GET {\n      url {\n        path /health\n        status_code 200\n      }\n      connect_timeout 3\n      retry 2\n      delay_before_retry 1.5\n    }\n" +
            "    TCP_CHECK {\n      connect_port 8080\n      connect_ip 192.0.2.21\n    }\n    MISC_CHECK {\n      misc_path \"/bin/x y\"\n      misc_timeout 5\n      misc_dynamic\n    }\n  }\n}\n");

        var config = result.Config!;
        var g = Assert.Single(config.SyncGroups);
        Assert.Equal(["A", "B"], g.Members);
        Assert.Equal(new NotifyScript("/bin/m", new("t.conf", 6)), g.Notify.Master);
        Assert.Equal("s", Assert.Single(g.TrackScripts).Name);
        var vs = Assert.Single(config.VirtualServers);
        Assert.Equal((IPAddress.Parse("192.0.2.100"), 80, 6.0, "wlc", "DR", 50, "TCP"), (vs.Address!, vs.Port!.Value, vs.DelayLoop!.Value, vs.LbAlgo, vs.LbKind, vs.PersistenceTimeout!.Value, vs.Protocol));
        Assert.Equal(["192.0.2.9", "80"], vs.SorryServer);
        var rs = Assert.Single(vs.RealServers);
        Assert.Equal((IPAddress.Parse("192.0.2.20"), 80, 3, true), (rs.Address!, rs.Port, rs.Weight, rs.InhibitOnFailure));
        Assert.Equal([CheckerKind.HttpGet, CheckerKind.Tcp, CheckerKind.Misc], rs.Checkers.Select(c => c.Kind));
        var http = rs.Checkers[0];
        Assert.Equal(new HttpCheckUrl("/health", null, 200, new("t.conf", 22)), Assert.Single(http.Urls));
        Assert.Equal((3.0, 2, 1.5), (http.ConnectTimeout!.Value, http.Retry!.Value, http.DelayBeforeRetry!.Value));
        Assert.Equal((8080, IPAddress.Parse("192.0.2.21")), (rs.Checkers[1].ConnectPort!.Value, rs.Checkers[1].ConnectIp!));
        Assert.Equal(("/bin/x y", 5.0, true), (rs.Checkers[2].MiscPath, rs.Checkers[2].MiscTimeout!.Value, rs.Checkers[2].MiscDynamic));
    }

    public static TheoryData<string, string[]> MessageCases => new()
    {
        { Instance(""), [] },
        { Instance("  bogus_inst 3\n"), ["(t.conf: Line 7) Unknown keyword 'bogus_inst'"] },
        { "global_defs {\n  bogus_kw 1\n}\n", ["(Line 2) Unknown keyword 'bogus_kw'"] },
        { "global_defs {\n  garp_master_delay 3\n}\n", ["(Line 2) Unknown keyword 'garp_master_delay'"] },
        { "bogus_top 2\n", ["(t.conf: Line 1) Unknown keyword 'bogus_top'", "(Line 1) Unknown keyword 'bogus_top'"] },
        { Instance("  unknown_block {\n    foo bar\n  }\n  nopreempt\n"), [
            "(t.conf: Line 7) Unknown keyword 'unknown_block'", "(t.conf: Line 7) Unexpected '{' - ignoring",
            "(t.conf: Line 8) Unknown keyword 'foo'", "(t.conf: Line 10) Unknown keyword 'nopreempt'", "(t.conf: Line 11) Unknown keyword '}'"] },
        { Instance("}\n").Replace("}\n}\n", "}\n}\n", StringComparison.Ordinal) + "}\n", [
            "(t.conf: Line 8) Unknown keyword '}'", "(t.conf: Line 9) Unknown keyword '}'", "(t.conf: Line 9) Extra '}' found",
            "(Line 9) Extra '}' found", "(Line 8) Unknown keyword '}'", "(Line 9) Unknown keyword '}'", "(t.conf: Line 8) Extra '}' found", "(Line 8) Extra '}' found"] },
        { "vrrp_instance V {\n  interface eth0\n  virtual_router_id 300\n" + Vip + "}\n", [
            "(t.conf: Line 3) number '300' outside range [1, 255]", "(t.conf: Line 3) (V): VRID '300' not valid - must be between 1 & 255", "(V) the virtual router id must be set"] },
        { Instance("  priority 0\n"), ["(t.conf: Line 7) number '0' outside range [1, 255]", "(t.conf: Line 7) (V) Priority not valid! must be between 1 & 255. Using default 100"] },
        { Instance("  advert_int abc\n"), ["(t.conf: Line 7) invalid number 'abc'", "(t.conf: Line 7) (V) Advert interval (abc) not valid! Must be > 0 - ignoring"] },
        { Instance("  virtual_ipaddress {\n    300.1.1.1\n  }\n"), ["(t.conf: Line 8) VRRP parsed invalid IP 300.1.1.1. skipping IP..."] },
        { "vrrp_instance V {\n  interface lo\n  virtual_router_id 5\n" + Vip + "}\n", ["(t.conf: Line 2) (V) cannot use a loopback interface (lo) for vrrp - ignoring", "(V) Unknown interface!"] },
        { "vrrp_instance V {\n  interface eth0\n  virtual_router_id 5\n}\n", ["(V) No VIP specified; at least one is sensible"] },
        { Instance("  track_interface {\n    eth0\n  }\n"), ["(V) Ignoring track_interface eth0 since own interface"] },
        { Instance("  track_script {\n    nope\n  }\n"), ["(t.conf: Line 8) (V) track script nope not found, ignoring..."] },
        { "vrrp_script s {\n  script x\n}\n" + Instance("  track_script {\n    s weight 300\n  }\n"), [
            "(t.conf: Line 11) number '300' outside range [-254, 254]", "(t.conf: Line 11) (V) track script s: weight must be between [-253..253] inclusive, ignoring...",
            "Disabling track script s since not found/accessible"] },
        { "vrrp_script s {\n  interval 2\n}\n", ["(t.conf: Line 3) No script set for vrrp_script s - removing"] },
        { Instance("  authentication {\n    auth_type PASS\n    auth_pass 123456789\n  }\n"), ["(t.conf: Line 9) Truncating auth_pass to 8 characters"] },
        { Instance("  state MASTER\n  priority 100\n  authentication {\n    auth_type AH\n    auth_pass x\n  }\n"), ["(V) Initial state master is incompatible with AH authentication - clearing"] },
        { Instance("  state MASTER\n  authentication {\n    auth_type AH\n    auth_pass x\n  }\n"), [] },
        { "global_defs {\n  vrrp_strict\n}\n" + Instance("  state MASTER\n  priority 100\n  authentication {\n    auth_type PASS\n    auth_pass x\n  }\n"), [
            "(V) State MASTER must match being address owner", "(V) Strict mode does not support authentication. Ignoring."] },
        { "global_defs {\n  vrrp_garp_interval 0\n}\n", ["(Line 2) number '0' outside range [0.000001, 4294.967295]", "(Line 2) vrrp_garp_interval '0' is invalid"] },
        { "global_defs {\n  notification_email {\n  }\n}\n", ["(Line 3) Warning - empty notification_email block"] },
        { Instance("  lvs_sync_daemon_interface eth1\n"), [
            "(t.conf: Line 7) (V) Specifying lvs_sync_daemon_interface against a vrrp is deprecated.", "(t.conf: Line 7)         Please use global lvs_sync_daemon"] },
        { "vrrp_sync_group G {\n  VI_2\n}\n", ["(t.conf: Line 2) Unknown keyword 'VI_2'", "Sync group G has no virtual router(s). removing"] },
        { "virtual_server fwmark 1 {\n  lb_kind DR\n}\n", ["Virtual server FWM 1 has no real servers - ignoring"] },
        { "virtual_server fwmark 1 {\n  lb_algo rr\n  lb_kind DR\n  protocol TCP\n  real_server 10.0.0.1 80 {\n  }\n}\n", ["Warning: Virtual server FWM 1: protocol specified for fwmark - protocol will be ignored"] },
        { "virtual_server 192.168.0.100 53 {\n  protocol TCP\n  lb_algo rr\n  real_server 10.0.0.1 53 {\n  }\n}\n", ["Virtual server [192.168.0.100]:tcp:53: no forwarding method set, setting default NAT"] },
        { "virtual_server 10.1.1.1 80 {\n  lb_kind NAT\n  real_server 10.1.1.2 80 {\n  }\n}\n", [
            "Virtual server [10.1.1.1]:none:80: no protocol set - defaulting to UDP", "Virtual server [10.1.1.1]:udp:80: no scheduler set, setting default 'wlc'"] },
        { "static_routes {\n  10.0.0.0/8 via 10.0.0.1 gw 10.0.0.2\n}\n", ["(t.conf: Line 2) \"gw\" for routes is deprecated. Please use \"via\""] },
        { Instance("  virtual_routes {\n    10.2.0.0/16 via 10.1.1.254\n  }\n"), ["(t.conf: Line 8) Warning - cannot track route 10.2.0.0/16 with no interface specified, not tracking"] },
        { Instance("  @vm bogus_here\n  @^vm bogus_not_here\n"), ["(t.conf: Line 7) Unknown keyword 'bogus_here'"] },
        { "$P=300\n" + Instance("  priority ${P}\n").Replace("priority ${P}", "priority $P", StringComparison.Ordinal), [
            "(t.conf: Line 8) number '300' outside range [1, 255]", "(t.conf: Line 8) (V) Priority not valid! must be between 1 & 255. Using default 100"] },
        { "include /nonexistent/keepalived/x.conf\n", ["(Line 1) Config files missing '/nonexistent/keepalived/x.conf'."] },
    };

    [Theory]
    [MemberData(nameof(MessageCases))]
    public void Parse_Snippet_ReportsKeepalivedWording(string text, string[] expected)
    {
        var result = Parse(text);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Messages.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length == 0, result.WouldPassKeepalivedCheck);
        Assert.Equal(result.WouldPassKeepalivedCheck, result.IsValid);
    }

    [Fact]
    public void Parse_MissingInterface_StopsBeforeTheLateChecks()
    {
        var probe = KeepalivedHostProbe.FileOnly with { InterfaceExists = name => name != "eth9" };
        var result = KeepalivedConfigLoader.Parse("t.conf", "vrrp_instance V {\n  interface eth9\n  virtual_router_id 5\n}\n", "vm", null, probe);
        Assert.Equal(
            ["(t.conf: Line 2) WARNING - interface eth9 for vrrp_instance V doesn't exist", "Non-existent interface specified in configuration"],
            result.Messages);
        Assert.True(result.IsUsable);
        Assert.False(result.WouldPassKeepalivedCheck);
    }

    [Fact]
    public void Parse_ScriptFoundAndRunAsRoot_ReportsSecurityViolation()
    {
        var probe = KeepalivedHostProbe.FileOnly with { CommandExists = c => c == "true" };
        var result = KeepalivedConfigLoader.Parse("t.conf", "vrrp_script s {\n  script \"true\"\n}\n" + Instance("  track_script {\n    s\n  }\n"), "vm", null, probe);
        Assert.Equal(["SECURITY VIOLATION - scripts are being executed but script_security not enabled."], result.Messages);
    }

    [Fact]
    public void Parse_ScriptSecurityWithoutUser_RemovesTheScript()
    {
        var result = Parse("global_defs {\n  enable_script_security\n}\nvrrp_script s {\n  script \"/bin/true\"\n}\n" + Instance("  track_script {\n    s\n  }\n"));
        Assert.Equal(
            ["(t.conf: Line 14) (V) track script s not found, ignoring...", "(t.conf: Line 6) Unable to set default user for vrrp script s - removing",
                "(t.conf: Line 6) Unable to set default user keepalived_script for script"],
            result.Messages.Order(StringComparer.Ordinal));
        Assert.Empty(result.Config!.Scripts);
    }

    [Fact]
    public void Parse_StateMasterWithoutPriority_IsTheAddressOwner()
    {
        var v = Assert.Single(Parse(Instance("  state MASTER\n")).Config!.Instances);
        Assert.Equal(255, v.Priority);
        Assert.Null(v.ConfiguredPriority);
        Assert.Equal(100, Assert.Single(Parse(Instance("")).Config!.Instances).Priority);
    }

    [Fact]
    public void Parse_KnownUntypedKeywords_AreKeptWithTheirLocation()
    {
        var config = Parse("virtual_server_group G {\n  10.0.0.1 80\n}\n" + Instance("  accept\n")).Config!;
        var group = Assert.Single(config.Other);
        Assert.Equal(("virtual_server_group", "G", "10.0.0.1", 1, 3), (group.Keyword, group.Arguments[0], group.Children[0].Keyword, group.Location.Line, group.End!.Value.Line));
        Assert.Equal("accept", Assert.Single(config.Instances[0].Other).Keyword);
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsItButPassesAsKeepalivedDoes()
    {
        var result = KeepalivedConfigLoader.LoadFile("/nonexistent/keepalived.conf");
        Assert.Equal(["Config files missing '/nonexistent/keepalived.conf'."], result.Messages);
        Assert.Empty(result.Config!.Instances);
        Assert.True(result.WouldPassKeepalivedCheck);
    }
}
