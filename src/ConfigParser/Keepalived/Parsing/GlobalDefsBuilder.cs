using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Builds <see cref="GlobalDefs"/> from every `global_defs` block. keepalived's parent process reads these, so its
/// messages print "(Line N)" without the file name (observed), hence <see cref="LocationPrefix.Bracket"/>.
/// </summary>
internal static class GlobalDefsBuilder
{
    private const LocationPrefix Parent = LocationPrefix.Bracket;

    /// <summary>Merges the blocks, later values winning as in keepalived.</summary>
    public static GlobalDefs Build(KeepalivedParseContext context, IReadOnlyList<KeepalivedDirective> blocks)
    {
        var g = new GlobalDefs { Location = blocks.Count > 0 ? blocks[0].Location : null };
        var other = new List<KeepalivedDirective>();
        foreach (var d in blocks.SelectMany(b => b.Children))
        {
            g = Apply(context, g, d, other);
        }

        return g with { Other = other };
    }

    private static GlobalDefs Apply(KeepalivedParseContext context, GlobalDefs g, KeepalivedDirective d, List<KeepalivedDirective> other)
    {
        var arg = d.Arguments.Count > 0 ? d.Arguments[0] : null;
        switch (d.Keyword)
        {
            case "router_id":
                return g with { RouterId = arg };
            case "notification_email":
                if (d.Children.Count == 0)
                {
                    // Observed: "(Line 3) Warning - empty notification_email block", at the closing brace.
                    context.Warn(d.End ?? d.Location, "Warning - empty notification_email block", d.Keyword, Parent);
                }

                return g with { NotificationEmails = [.. g.NotificationEmails, .. d.Children.Select(c => c.Keyword)] };
            case "notification_email_from":
                return g with { NotificationEmailFrom = arg };
            case "smtp_server":
                return g with { SmtpServer = string.Join(' ', d.Arguments) };
            case "smtp_connect_timeout":
                return ValueReader.TryInt(context, d, 0, 1, int.MaxValue, out var timeout, Parent) ? g with { SmtpConnectTimeout = timeout } : g;
            case "enable_script_security":
                return g with { EnableScriptSecurity = true };
            case "script_user":
                if (arg is not null && !context.Host.UserExists(arg))
                {
                    // Observed: "(Line 2) Error setting global script uid/gid".
                    context.Error(d.Location, "Error setting global script uid/gid", d.Keyword, Parent);
                }

                return g with { ScriptUser = arg, ScriptGroup = d.Arguments.Count > 1 ? d.Arguments[1] : null };
            case "vrrp_strict":
                return g with { VrrpStrict = true };
            case "vrrp_skip_check_adv_addr":
                return g with { VrrpSkipCheckAdvAddr = true };
            case "vrrp_garp_interval":
                return Interval(context, d) is { } garp ? g with { VrrpGarpInterval = garp } : g;
            case "vrrp_gna_interval":
                return Interval(context, d) is { } gna ? g with { VrrpGnaInterval = gna } : g;
            case "vrrp_garp_master_delay":
                return ValueReader.TryInt(context, d, 0, 0, int.MaxValue, out var delay, Parent) ? g with { VrrpGarpMasterDelay = delay } : g;
            case "vrrp_garp_master_repeat":
                return ValueReader.TryInt(context, d, 0, 0, int.MaxValue, out var repeat, Parent) ? g with { VrrpGarpMasterRepeat = repeat } : g;
            case "vrrp_garp_master_refresh":
                return ValueReader.TryInt(context, d, 0, 0, int.MaxValue, out var refresh, Parent) ? g with { VrrpGarpMasterRefresh = refresh } : g;
            case "vrrp_version":
                return ValueReader.TryInt(context, d, 0, 2, 3, out var version, Parent) ? g with { VrrpVersion = version } : g;
            default:
                other.Add(d);
                return g;
        }
    }

    private static double? Interval(KeepalivedParseContext context, KeepalivedDirective d)
    {
        if (ValueReader.TryDecimal(context, d, 0, 0.000001, ValueReader.MaxSeconds, out var value, Parent))
        {
            return value;
        }

        // Observed: "(Line 15) vrrp_garp_interval '0' is invalid" after the range message.
        context.Error(d.Location, $"{d.Keyword} '{(d.Arguments.Count > 0 ? d.Arguments[0] : string.Empty)}' is invalid", d.Keyword, Parent);
        return null;
    }
}
