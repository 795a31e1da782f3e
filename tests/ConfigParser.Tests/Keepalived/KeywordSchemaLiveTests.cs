using ConfigParser.Keepalived.Parsing;

namespace ConfigParser.Tests.Keepalived;

/// <summary>Every keyword our tables accept is one the installed keepalived accepts in that block.</summary>
public sealed class KeywordSchemaLiveTests
{
    public static TheoryData<string, string, string> Blocks => new()
    {
        { nameof(BlockKind.GlobalDefs), "global_defs {\n", "}\n" },
        { nameof(BlockKind.VrrpScript), "vrrp_script s {\n", "}\n" },
        { nameof(BlockKind.VrrpInstance), "vrrp_instance V {\n", "}\n" },
        { nameof(BlockKind.Authentication), "vrrp_instance V {\n authentication {\n", "}\n}\n" },
        { nameof(BlockKind.SyncGroup), "vrrp_sync_group G {\n", "}\n" },
        { nameof(BlockKind.VirtualServer), "virtual_server 10.0.0.1 80 {\n", "}\n" },
        { nameof(BlockKind.RealServer), "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n", "}\n}\n" },
        { nameof(BlockKind.Checker), "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n TCP_CHECK {\n", "}\n}\n}\n" },
        { nameof(BlockKind.HttpChecker), "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n HTTP_GET {\n", "}\n}\n}\n" },
        { nameof(BlockKind.MiscChecker), "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n MISC_CHECK {\n", "}\n}\n}\n" },
        { nameof(BlockKind.SmtpChecker), "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n SMTP_CHECK {\n", "}\n}\n}\n" },
        { nameof(BlockKind.DnsChecker), "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n DNS_CHECK {\n", "}\n}\n}\n" },
        { nameof(BlockKind.Url), "virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n HTTP_GET {\n url {\n", "}\n}\n}\n}\n" },
        { nameof(BlockKind.Root), string.Empty, string.Empty },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Keywords_EveryListedKeyword_IsKnownToKeepalived(string block, string prefix, string suffix)
    {
        if (!KeepalivedCli.IsInstalled)
        {
            Assert.False(KeepalivedCorpus.IsCi, "CI=true but keepalived is not installed");
            return;
        }

        var keywords = KeywordSchema.Keywords(Enum.Parse<BlockKind>(block));
        var text = prefix + string.Concat(keywords.Select(k => k.Value is null ? $" {k.Key} 1\n" : $" {k.Key} {{\n }}\n")) + suffix;
        var dir = Directory.CreateTempSubdirectory("kal-kw-");
        try
        {
            var path = Path.Combine(dir.FullName, "kw.conf");
            File.WriteAllText(path, text);
            var output = KeepalivedCli.Check(path)!.Value.Output;
            var unknown = output.Split('\n').Where(l => l.Contains("Unknown keyword", StringComparison.Ordinal)).Distinct().ToArray();
            Assert.True(unknown.Length == 0, string.Join("\n", unknown));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
