using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>Builds a <see cref="VrrpSyncGroup"/>.</summary>
internal static class SyncGroupBuilder
{
    /// <summary>Builds the group.</summary>
    public static VrrpSyncGroup Build(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var name = block.Arguments.Count > 0 ? block.Arguments[0] : string.Empty;
        var g = new VrrpSyncGroup { Name = name, Location = block.Location };
        var other = new List<KeepalivedDirective>();
        foreach (var d in block.Children)
        {
            var script = new NotifyScript(string.Join(' ', d.Arguments), d.Location);
            if (d.Keyword.StartsWith("notify", StringComparison.Ordinal) && !ScriptChecks.CheckNotifyUser(context, d))
            {
                continue;
            }

            g = d.Keyword switch
            {
                "group" => g with { Members = [.. g.Members, .. d.Children.Select(c => c.Keyword)] },
                "notify_master" => g with { Notify = g.Notify with { Master = script } },
                "notify_backup" => g with { Notify = g.Notify with { Backup = script } },
                "notify_fault" => g with { Notify = g.Notify with { Fault = script } },
                "notify_stop" => g with { Notify = g.Notify with { Stop = script } },
                "notify" => g with { Notify = g.Notify with { Any = script } },
                "smtp_alert" => g with { SmtpAlert = true },
                "track_script" => g with { TrackScripts = [.. g.TrackScripts, .. TrackListParser.Parse(context, d, name)] },
                _ => Keep(g, d, other),
            };
        }

        return g with { Other = other };
    }

    private static VrrpSyncGroup Keep(VrrpSyncGroup g, KeepalivedDirective d, List<KeepalivedDirective> other)
    {
        other.Add(d);
        return g;
    }
}
