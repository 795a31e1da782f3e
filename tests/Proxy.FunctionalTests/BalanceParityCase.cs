namespace Proxy.FunctionalTests;

/// <summary>One backend configuration compared with haproxy: its balance lines and its five servers' settings.</summary>
/// <param name="MinServers">How many distinct servers haproxy must have used (so that a case cannot pass vacuously).</param>
public sealed record BalanceParityCase(string Name, BalanceKey Key, string[] Lines, string[] Servers, int MinServers = 3)
{
    private static readonly string[] ActivesDown = ["weight 2 disabled", "disabled", "backup weight 1", "backup weight 3", "backup weight 2"];

    private static readonly string[] Unequal = ["weight 1", "weight 2", "weight 3", "weight 4", "weight 5"];
    private static readonly string[] Reducible = ["weight 10", "weight 20", "weight 30", "weight 15", "weight 5"];
    private static readonly string[] OneDown = ["weight 3", "weight 1 disabled", "weight 4", "weight 1", "weight 5"];
    private static readonly string[] WithIds = ["weight 2 id 7", "weight 1", "weight 3 id 2", "weight 1 id 40", "weight 2"];

    public static IReadOnlyList<BalanceParityCase> All { get; } =
    [
        new("rr", BalanceKey.None, ["balance roundrobin"], ["weight 3", "weight 1", "weight 4", "weight 1", "weight 5"]),
        new("rr_big", BalanceKey.None, ["balance roundrobin"], ["weight 100", "weight 7", "weight 256", "weight 13", "weight 1"]),
        new("rr_down", BalanceKey.None, ["balance roundrobin"], OneDown),
        new("srr", BalanceKey.None, ["balance static-rr"], Reducible),
        new("srr_down", BalanceKey.None, ["balance static-rr"], OneDown),
        new("param_missing_map", BalanceKey.None, ["balance url_param id"], Reducible),
        new("hdr_missing_chash", BalanceKey.None, ["balance hdr(x-key)", "hash-type consistent"], WithIds),
        new("lc_idle", BalanceKey.None, ["balance leastconn"], Unequal),
        new("first_ids", BalanceKey.None, ["balance first"], ["id 9", "id 4", "weight 5", "id 3 disabled", "id 2"], MinServers: 1),
        new("backup_first", BalanceKey.None, ["balance roundrobin"], ActivesDown, MinServers: 1),
        new("backup_all", BalanceKey.None, ["balance roundrobin", "option allbackups"], ActivesDown),
        new("backup_all_uri", BalanceKey.Uri, ["balance uri", "option allbackups", "hash-type consistent"], ActivesDown),
        new("src_map", BalanceKey.Source, ["balance source"], Unequal),
        new("src_chash", BalanceKey.Source, ["balance source", "hash-type consistent"], WithIds),
        new("src_down", BalanceKey.Source, ["balance source", "hash-type consistent"], OneDown),
        new("uri_map", BalanceKey.Uri, ["balance uri"], Reducible),
        new("uri_whole_chash", BalanceKey.Uri, ["balance uri whole", "hash-type consistent"], Unequal),
        new("uri_depth_djb2", BalanceKey.Uri, ["balance uri depth 2", "hash-type map-based djb2"], Unequal),
        new("uri_len_wt6", BalanceKey.Uri, ["balance uri len 6", "hash-type consistent wt6"], WithIds),
        new("uri_path_crc32", BalanceKey.Uri, ["balance uri path-only whole", "hash-type map-based crc32 avalanche"], Unequal),
        new("uri_down", BalanceKey.Uri, ["balance uri"], OneDown),
        new("param_map", BalanceKey.UrlParam, ["balance url_param id"], Unequal),
        new("param_chash", BalanceKey.UrlParam, ["balance url_param id check_post", "hash-type consistent sdbm"], WithIds),
        new("hash_path_lower", BalanceKey.Uri, ["balance hash path,lower", "hash-type consistent"], Unequal),
        new("hash_urlp_map", BalanceKey.UrlParam, ["balance hash url_param(id)"], Reducible),
        new("hdr_map", BalanceKey.Header, ["balance hdr(x-key)"], Reducible),
        new("hdr_chash", BalanceKey.Header, ["balance hdr(X-Key)", "hash-type consistent djb2 avalanche"], Unequal),
        new("host_map", BalanceKey.Host, ["balance hdr(host) use_domain_only"], Unequal),
        new("host_chash", BalanceKey.Host, ["balance hdr(host) use_domain_only", "hash-type consistent"], OneDown),
    ];
}
