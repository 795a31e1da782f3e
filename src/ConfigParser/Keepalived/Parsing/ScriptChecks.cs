using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// keepalived's script checks (observed with 2.2.7 `-t`): a vrrp_script whose command is not found draws
/// "Disabling track script NAME since not found/accessible"; a notify script that is not found is silently
/// unused; when any found script would run as root without `enable_script_security`, it prints
/// "SECURITY VIOLATION - scripts are being executed but script_security not enabled."; with script security on
/// and no usable default user, vrrp scripts are removed ("Unable to set default user keepalived_script for
/// script", "Unable to set default user for vrrp script NAME - removing").
/// </summary>
internal static class ScriptChecks
{
    /// <summary>The default script user when `script_user` is not set.</summary>
    public const string DefaultScriptUser = "keepalived_script";

    /// <summary>Removes the vrrp_scripts that have no usable user under script security; returns the others.</summary>
    public static List<VrrpScript> RemoveWithoutUser(KeepalivedParseContext context, GlobalDefs global, List<VrrpScript> scripts)
    {
        var defaultUser = DefaultUser(context, global);
        var kept = new List<VrrpScript>();
        foreach (var s in scripts)
        {
            if (s.User is null && defaultUser is null && global.EnableScriptSecurity)
            {
                context.Error(s.End ?? s.Location, $"Unable to set default user {DefaultScriptUser} for script", "script");
                context.Error(s.End ?? s.Location, $"Unable to set default user for vrrp script {s.Name} - removing", "script");
                continue;
            }

            kept.Add(s);
        }

        return kept;
    }

    /// <summary>Reports scripts that are not found, and scripts that would run as root without script security.</summary>
    public static void CheckExecution(KeepalivedParseContext context, GlobalDefs global, List<VrrpScript> scripts, IEnumerable<string> notifyScripts)
    {
        var defaultUser = DefaultUser(context, global);
        var runsAsRoot = false;
        foreach (var s in scripts)
        {
            if (!context.Host.CommandExists(CommandOf(s.Script!)))
            {
                context.Warn(null, $"Disabling track script {s.Name} since not found/accessible", "script");
                continue;
            }

            runsAsRoot |= (s.User ?? defaultUser) is null or "root";
        }

        foreach (var script in notifyScripts)
        {
            if (context.Host.CommandExists(CommandOf(script)))
            {
                runsAsRoot |= defaultUser is null or "root";
            }
        }

        if (runsAsRoot && !global.EnableScriptSecurity)
        {
            context.Warn(null, "SECURITY VIOLATION - scripts are being executed but script_security not enabled.", "enable_script_security");
        }
    }

    private static string? DefaultUser(KeepalivedParseContext context, GlobalDefs global)
        => global.ScriptUser ?? (context.Host.UserExists(DefaultScriptUser) ? DefaultScriptUser : null);

    private static string CommandOf(string script)
    {
        var trimmed = script.TrimStart();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        return trimmed[..end];
    }
}
