namespace ConfigParser.Tests.Keepalived;

/// <summary>
/// Small files written for one behaviour each, checked against the installed keepalived: the same distinct
/// messages and the same verdict. Skipped when keepalived is not installed (fails under CI=true).
/// </summary>
public sealed class KeepalivedSnippetLiveTests
{
    private const string Instance = "vrrp_instance V {\n  interface eth0\n  virtual_router_id 5\n  virtual_ipaddress {\n    10.1.1.1\n  }\n";

    public static TheoryData<string, string> Snippets => new()
    {
        { "valid", Instance + "}\n" },
        { "unknown-keywords", "global_defs {\n  router_id X\n  bogus_kw 1\n}\nbogus_top 2\n" + Instance + "  bogus_inst 3\n}\n" },
        { "ranges", "vrrp_instance V {\n  interface eth0\n  virtual_router_id 300\n  priority 0\n  advert_int abc\n  virtual_ipaddress {\n    10.0.0.1/24\n    300.1.1.1\n  }\n}\n" },
        { "comments", Instance + "  priority 50 # c\n  advert_int 1 ! c\n  bogus3#x\n  bogus4!y\n}\n" },
        { "braces", "vrrp_instance V{\n  interface eth0\n  virtual_router_id 5\n  authentication { auth_type PASS\n  auth_pass 1234 }\n  virtual_ipaddress\n  {\n    10.1.1.1\n  }\n}\n" },
        { "unknown-block", Instance + "  unknown_block {\n    foo bar\n  }\n  nopreempt\n}\n" },
        { "definitions", "$IFACE=eth0\n$PRI=101\n$MULTI=bogus_m1 \\\n  bogus_m2\nvrrp_instance V {\n  interface $IFACE\n  virtual_router_id 5\n  priority ${PRI}\n  $MULTI\n  bogus_a${PRI}x\n  $UNDEFINED\n  virtual_ipaddress {\n    10.1.1.1\n  }\n}\n" },
        { "builtin-definitions", Instance + "  bogus_$_INSTANCE\n  bogus_${UNSET}z\n}\n" },
        { "host-lines", Instance + "  @vm bogus_on_vm\n  @^vm bogus_not_vm\n  @other bogus_other\n  @^other bogus_not_other\n}\n" },
        { "quotes", Instance + "  bogus_q \"x y\" z\n  authentication {\n    auth_type PASS\n    auth_pass \"ab#cd\"\n  }\n}\n" },
        { "long-password", Instance + "  authentication {\n    auth_type PASS\n    auth_pass 123456789\n  }\n}\n" },
        { "ah-master", Instance + "  state MASTER\n  authentication {\n    auth_type AH\n    auth_pass x\n  }\n}\n" },
        { "no-vrid", "vrrp_instance V {\n  interface eth0\n  virtual_ipaddress {\n    10.1.1.1\n  }\n}\n" },
        { "no-vip", "vrrp_instance V {\n  interface eth0\n  virtual_router_id 5\n}\n" },
        { "missing-interface", Instance + "  track_interface {\n    nosuchif0 weight 10\n    eth0\n  }\n}\nvrrp_instance W {\n  interface nosuchif1\n  virtual_router_id 6\n  virtual_ipaddress {\n    10.1.1.2 dev nosuchif2\n  }\n}\n" },
        { "loopback", "vrrp_instance V {\n  interface lo\n  virtual_router_id 5\n  virtual_ipaddress {\n    10.1.1.1\n  }\n}\n" },
        { "script-missing", "vrrp_script s {\n  interval 2\n}\n" + Instance + "  track_script {\n    s\n    t\n  }\n}\n" },
        { "script-weight", "vrrp_script s {\n  script \"/nonexistent/check\"\n}\n" + Instance + "  track_script {\n    s weight 300\n  }\n}\n" },
        { "script-security", "vrrp_script s {\n  script \"true\"\n}\n" + Instance + "  track_script {\n    s\n  }\n}\n" },
        { "script-security-on", "global_defs {\n  enable_script_security\n}\nvrrp_script s {\n  script \"/bin/true\"\n}\n" + Instance + "  track_script {\n    s\n  }\n}\n" },
        { "strict", "global_defs {\n  vrrp_strict\n  vrrp_garp_interval 0\n}\n" + Instance + "  state MASTER\n  authentication {\n    auth_type PASS\n    auth_pass x\n  }\n}\n" },
        { "empty-email", "global_defs {\n  notification_email {\n  }\n}\n" + Instance + "}\n" },
        { "stray-brace", Instance + "}\n}\n" },
        { "virtual-server", "virtual_server 10.1.1.1 80 {\n  delay_loop 6\n  lb_algo rr\n  protocol TCP\n  real_server 10.1.1.2 80 {\n    weight 1\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\nvirtual_server fwmark 1 {\n  lb_kind DR\n  protocol TCP\n}\n" },
        { "include", "include inc/*.conf\ninclude inc/none*.conf\ninclude missing.conf\n" },
        { "block-without-brace", "vrrp_instance V {\n  interface eth0\n  virtual_router_id 5\n  virtual_ipaddress\n    10.1.1.1\n}\n" },
        { "glued-quotes", Instance + "  bogus z\"w v\"x\n}\n" },
        { "bad-state", Instance + "  state LEADER\n}\n" },
        { "bad-auth-type", Instance + "  authentication {\n    auth_type NONE\n    auth_pass x\n  }\n}\n" },
        { "bad-peer", Instance + "  unicast_src_ip 10.0.0.300\n  unicast_peer {\n    10.0.0.2\n    not-an-ip\n  }\n}\n" },
        { "trailing-garbage", Instance + "  priority 100x\n  advert_int 0\n  garp_master_delay -1\n}\n" },
        { "include-in-block", "vrrp_instance V {\n  include inc/body.txt\n}\n" },
        { "host-definition", "@vm $P=50\n@^vm $P=60\n" + Instance + "  priority $P\n  bogus$P\n}\n" },
        { "script-values", "vrrp_script s {\n  script /nonexistent/x\n  interval 0\n  weight 254\n  rise 0\n  fall abc\n  timeout -1\n}\n" },
        { "empty", "" },
        { "duplicate-vrid", Instance + "}\nvrrp_instance W {\n  interface eth0\n  virtual_router_id 5\n  virtual_ipaddress {\n    10.1.1.2\n  }\n}\n" },
        { "duplicate-name", Instance + "}\n" + Instance + "}\n" },
        { "sync-group-members", Instance + "}\nvrrp_sync_group G {\n  group {\n    V\n    NOPE\n  }\n}\nvrrp_sync_group H {\n  group {\n    V\n  }\n}\n" },
        { "v3-auth", Instance + "  version 3\n  authentication {\n    auth_type PASS\n    auth_pass x\n  }\n}\n" },
        { "no-interface", "vrrp_instance V {\n  virtual_router_id 5\n  virtual_ipaddress {\n    10.1.1.1\n  }\n}\n" },
        { "bad-prefix", Instance + "  virtual_ipaddress {\n    10.0.0.1/33\n    fe80::1/64\n  }\n}\n" },
        { "missing-args", Instance + "  state\n  priority\n  advert_int\n}\n" },
        { "nopreempt-master", Instance + "  state MASTER\n  priority 100\n  nopreempt\n}\n" },
        { "sync-group-empty", "vrrp_sync_group G {\n  VI_2\n}\n" },
        { "script-user-root", "global_defs {\n  script_user root\n  enable_script_security\n}\nvrrp_script s {\n  script \"true\"\n}\n" + Instance + "  track_script {\n    s\n  }\n}\n" },
        { "script-user-missing", "global_defs {\n  script_user nosuchuser\n}\nvrrp_script s {\n  script \"true\"\n}\n" + Instance + "  track_script {\n    s\n  }\n}\n" },
        { "notify-security-on", "global_defs {\n  enable_script_security\n}\n" + Instance + "  notify_master /bin/true\n}\n" },
        { "notify-user-root", "global_defs {\n  script_user root\n}\n" + Instance + "  notify \"/bin/true x\"\n}\n" },
        { "script-own-user", "vrrp_script s {\n  script \"true\"\n  user nobody\n}\n" + Instance + "  track_script {\n    s\n  }\n}\n" },
        { "old-globals", "global_defs {\n  lvs_id X\n  vrrp_mcast_group4 224.0.0.18\n  max_auto_priority\n}\n" + Instance + "}\n" },
        { "quotes-odd", Instance + "  bog\"us1 a\n  bogus2 \"a b\"c d\n  bogus3 a\"b c\"d e\n  \"bogus4 x\" y\n  bogus5 \"a\\\"b\" c\n  bogus6 'a b' c\n}\nvirtual_s\"rver_group VSG_1 {\n" },
        { "missing-close", Instance + "  track_script {\n    s\n}\n" },
        { "missing-open", "vrrp_instance V\n  interface eth0\n  virtual_router_id 5\n}\n" },
        { "quotes-on-other-host", Instance + "  @other bogus \"x\n  @vm bogus2 \"y\n}\n" },
        { "unnamed-instance", "vrrp_instance {\n  interface eth0\n}\n" },
        { "script-interval", "vrrp_script s {\n  script /bin/true\n  interval -11\n}\nvrrp_script t {\n  script /bin/true\n  interval 5000\n}\n" },
        { "http-url-checks", "virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n real_server 10.0.0.2 80 {\n  HTTP_GET {\n   url {\n    digest abc\n   }\n  }\n }\n}\n" },
        { "list-without-brace", "vrrp_instance V {\n interface eth0\n virtual_router_id 5\n virtual_ipaddress {\n  10.1.1.9\n }\n track_interface\n   eth0 weight 2\n }\n virtual_ipaddress {\n  10.1.1.1\n }\n}\nvrrp_instance W {\n interface eth0\n virtual_router_id 6\n virtual_ipaddress {\n  10.1.1.2\n }\n track_script \n  a weight 2\n }\n}\n" },
        { "no-vip-own-track", "vrrp_instance V {\n interface eth0\n virtual_router_id 5\n track_interface {\n  eth0\n }\n}\n" },
        { "sub-block-without-brace", "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.2 80\n    weight 1\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n  real_server 10.0.0.3 80 {\n    weight 2\n  }\n}\n" },
        { "checker-brace-commented", "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    HTTP_GET# {\n      url {\n        path /\n      }\n      connect_timeout 3\n    }\n  }\n}\n" },
        { "undefined-vs-group", "virtual_server group NOPE {\n  lb_algo rr\n  bogus 1\n  real_server 10.0.0.2 80 {\n    bogus2\n  }\n}\n" },
        { "real-server-values", "virtual_server 10.1.1.1 80 {\n  lb_kind NAT\n  persistence_timeout 0\n  real_server 10.1.1.2 80 {\n    weight -1\n    HTTP_GET {\n      url {\n        path /\n        status_code 99\n      }\n      connect_port 70000\n    }\n  }\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void LoadFile_Snippet_MatchesKeepalived(string name, string text)
    {
        if (!KeepalivedCli.IsInstalled)
        {
            Assert.False(KeepalivedCorpus.IsCi, "CI=true but keepalived is not installed");
            return;
        }

        var dir = Directory.CreateTempSubdirectory("kal-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "inc"));
            File.WriteAllText(Path.Combine(dir.FullName, "inc", "x.conf"), Instance + "  bogus_in_include 1\n}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "inc", "body.txt"), "  interface eth0\n  virtual_router_id 7\n  bogus_in_body\n  virtual_ipaddress {\n    10.1.1.7\n  }\n");
            var path = Path.Combine(dir.FullName, name + ".conf");
            File.WriteAllText(path, text);
            var comparison = KeepalivedLiveComparison.Compare(path, Environment.MachineName);
            Assert.NotNull(comparison);
            var (missing, extra, theirs, ours) = comparison.Value;
            Assert.True(
                missing.Length == 0 && extra.Length == 0 && theirs == ours,
                $"verdict keepalived {theirs} ours {ours}\nMISSING {string.Join("\nMISSING ", missing)}\nEXTRA {string.Join("\nEXTRA ", extra)}");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
