namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Which keywords each block accepts and which of them open a block, after keepalived 2.2.7's keyword tables
/// (`install_keyword` calls in global_parser.c, vrrp_parser.c and check_parser.c, facts only). A keyword not listed
/// draws "Unknown keyword '…'" exactly as keepalived does.
/// </summary>
internal static class KeywordSchema
{
    private const string Common = "connect_ip connect_port bindto bind_port bind_if connect_timeout fwmark warmup retry " +
        "delay_before_retry delay_loop alpha log_all_failures";

    private static readonly Dictionary<BlockKind, Dictionary<string, BlockKind?>> s_tables = Build();

    /// <summary>Looks up a keyword: false when unknown; <paramref name="child"/> is the block it opens, if any.</summary>
    public static bool TryGet(BlockKind block, string keyword, out BlockKind? child)
    {
        child = null;
        if (block == BlockKind.Opaque)
        {
            return true;
        }

        return s_tables.TryGetValue(block, out var table) && table.TryGetValue(keyword, out child);
    }

    /// <summary>Every keyword a block accepts, with the block each one opens (for tests and tooling).</summary>
    public static IReadOnlyDictionary<string, BlockKind?> Keywords(BlockKind block)
        => s_tables.TryGetValue(block, out var table) ? table : new Dictionary<string, BlockKind?>();

    private static Dictionary<BlockKind, Dictionary<string, BlockKind?>> Build()
    {
        return new()
        {
            [BlockKind.Root] = Table(
                "",
                blocks: [("global_defs", BlockKind.GlobalDefs), ("vrrp_script", BlockKind.VrrpScript), ("vrrp_instance", BlockKind.VrrpInstance),
                    ("vrrp_sync_group", BlockKind.SyncGroup), ("virtual_server", BlockKind.VirtualServer), ("virtual_server_group", BlockKind.List),
                    ("static_ipaddress", BlockKind.List), ("static_routes", BlockKind.List), ("static_rules", BlockKind.List),
                    ("vrrp_track_file", BlockKind.Opaque), ("track_file", BlockKind.Opaque), ("vrrp_track_process", BlockKind.Opaque),
                    ("bfd_instance", BlockKind.Opaque), ("linkbeat_interfaces", BlockKind.List),
                    ("garp_group", BlockKind.Opaque)]),
            [BlockKind.GlobalDefs] = Table(
                "router_id notification_email_from smtp_server smtp_helo_name smtp_connect_timeout no_email_faults " +
                "lvs_timeouts lvs_sync_daemon lvs_flush lvs_flush_onstop vrrp_mcast_group4 vrrp_mcast_group6 vrrp_garp_master_delay " +
                "vrrp_garp_master_repeat vrrp_garp_master_refresh vrrp_garp_master_refresh_repeat vrrp_garp_lower_prio_delay " +
                "vrrp_garp_lower_prio_repeat vrrp_garp_interval vrrp_gna_interval vrrp_min_garp vrrp_lower_prio_no_advert " +
                "vrrp_higher_prio_send_advert vrrp_version vrrp_iptables " +
                " vrrp_check_unicast_src vrrp_skip_check_adv_addr vrrp_strict vrrp_priority " +
                "checker_priority bfd_priority vrrp_no_swap checker_no_swap bfd_no_swap vrrp_rt_priority checker_rt_priority " +
                "bfd_rt_priority vrrp_rlimit_rttime checker_rlimit_rttime bfd_rlimit_rttime vrrp_cpu_affinity checker_cpu_affinity " +
                "bfd_cpu_affinity snmp_socket enable_snmp_keepalived enable_snmp_vrrp enable_snmp_checker enable_snmp_rfc " +
                "enable_snmp_rfcv2 enable_snmp_rfcv3 enable_traps enable_dbus dbus_service_name script_user enable_script_security " +
                "notify_fifo notify_fifo_script vrrp_notify_fifo vrrp_notify_fifo_script lvs_notify_fifo lvs_notify_fifo_script " +
                "dynamic_interfaces process_names process_name vrrp_process_name checker_process_name bfd_process_name " +
                "default_interface " +
                "vrrp_startup_delay max_auto_priority min_auto_priority_delay vrrp_garp_extra_if vrrp_notify_priority_changes " +
                "smtp_alert smtp_alert_vrrp smtp_alert_checker checker_log_all_failures vrrp_netlink_cmd_rcv_bufs " +
                "vrrp_netlink_cmd_rcv_bufs_force vrrp_netlink_monitor_rcv_bufs vrrp_netlink_monitor_rcv_bufs_force " +
                "lvs_netlink_cmd_rcv_bufs lvs_netlink_cmd_rcv_bufs_force lvs_netlink_monitor_rcv_bufs " +
                "lvs_netlink_monitor_rcv_bufs_force process_monitor_rcv_bufs process_monitor_rcv_bufs_force rs_init_notifies " +
                "no_checker_emails random_seed reload_check_config reload_time_file umask vrrp_rx_bufs_policy vrrp_rx_bufs_multiplier " +
                "fifo_write_vrrp_states_on_reload vrrp_startup_delay vrrp_strict " +
                " vrrp_notify_fifo_script tmp_config_directory " +
                " vrrp_garp_extra_if vrrp_higher_prio_send_advert",
                blocks: [("notification_email", BlockKind.List)]),
            [BlockKind.VrrpScript] = Table("script interval timeout weight rise fall user init_fail"),
            [BlockKind.VrrpInstance] = Table(
                "state interface dont_track_primary mcast_src_ip unicast_src_ip virtual_router_id priority advert_int " +
                "promote_secondaries linkbeat_use_polling accept no_accept skip_check_adv_addr strict_mode preempt nopreempt " +
                "preempt_delay debug notify_backup notify_master notify_fault notify_stop notify_deleted notify " +
                "notify_master_rx_lower_pri smtp_alert notify_priority_changes lvs_sync_daemon_interface garp_master_delay " +
                "garp_master_repeat garp_master_refresh garp_master_refresh_repeat garp_lower_prio_delay garp_lower_prio_repeat " +
                "down_timer_adverts lower_prio_no_advert higher_prio_send_advert kernel_rx_buf_size version use_vmac vmac_xmit_base " +
                "use_ipvlan unicast_ttl unicast_fault_no_peer native_ipv6 old_unicast_checksum track_src_ip check_unicast_src " +
                "garp_extra_if",
                blocks: [("authentication", BlockKind.Authentication), ("virtual_ipaddress", BlockKind.List),
                    ("virtual_ipaddress_excluded", BlockKind.List), ("unicast_peer", BlockKind.List), ("track_interface", BlockKind.List),
                    ("track_script", BlockKind.List), ("track_file", BlockKind.List), ("track_process", BlockKind.List),
                    ("track_bfd", BlockKind.List), ("virtual_routes", BlockKind.List), ("virtual_rules", BlockKind.List)]),
            [BlockKind.Authentication] = Table("auth_type auth_pass"),
            [BlockKind.SyncGroup] = Table(
                "notify_backup notify_master notify_fault notify_stop notify smtp_alert global_tracking sync_group_tracking_weight",
                blocks: [("group", BlockKind.List), ("track_interface", BlockKind.List), ("track_script", BlockKind.List),
                    ("track_file", BlockKind.List), ("track_process", BlockKind.List), ("track_bfd", BlockKind.List)]),
            [BlockKind.VirtualServer] = Table(
                "delay_loop lb_algo lvs_sched lb_kind lvs_method persistence_timeout persistence_granularity persistence_engine " +
                "protocol ha_suspend ops virtualhost sorry_server sorry_server_inhibit sorry_server_lvs_method alpha omega quorum " +
                "quorum_up quorum_down hysteresis retry delay_before_retry warmup connect_timeout ip_family smtp_alert " +
                "inhibit_on_failure hashed flag-1 flag-2 flag-3 sh-port sh-fallback mh-port mh-fallback " +
                "delay_loop",
                blocks: [("real_server", BlockKind.RealServer)]),
            [BlockKind.RealServer] = Table(
                "weight inhibit_on_failure notify_up notify_down uthreshold lthreshold alpha retry delay_before_retry " +
                "warmup delay_loop smtp_alert virtualhost connect_timeout",
                blocks: [("TCP_CHECK", BlockKind.Checker), ("UDP_CHECK", BlockKind.Checker), ("PING_CHECK", BlockKind.Checker),
                    ("HTTP_GET", BlockKind.HttpChecker), ("SSL_GET", BlockKind.HttpChecker), ("MISC_CHECK", BlockKind.MiscChecker),
                    ("SMTP_CHECK", BlockKind.SmtpChecker), ("DNS_CHECK", BlockKind.DnsChecker), ("FILE_CHECK", BlockKind.Opaque),
                    ("BFD_CHECK", BlockKind.Opaque)]),
            // Observed per checker with keepalived 2.2.7 (a file listing every candidate keyword in each checker).
            [BlockKind.Checker] = Table(Common),
            [BlockKind.HttpChecker] = Table(Common + " nb_get_retry virtualhost enable_sni fast_recovery", blocks: [("url", BlockKind.Url)]),
            [BlockKind.MiscChecker] = Table("warmup retry delay_before_retry delay_loop alpha log_all_failures misc_path misc_timeout misc_dynamic user"),
            [BlockKind.SmtpChecker] = Table(Common + " helo_name", blocks: [("host", BlockKind.Checker)]),
            [BlockKind.DnsChecker] = Table(Common + " type name"),
            [BlockKind.Url] = Table(
                "path digest status_code virtualhost regex regex_no_match regex_options regex_stack regex_min_offset " +
                "regex_max_offset"),
        };
    }

    private static Dictionary<string, BlockKind?> Table(string simple, (string, BlockKind)[]? blocks = null)
    {
        var table = new Dictionary<string, BlockKind?>(StringComparer.Ordinal);
        foreach (var word in simple.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            table[word] = null;
        }

        foreach (var (word, kind) in blocks ?? [])
        {
            table[word] = kind;
        }

        return table;
    }
}
