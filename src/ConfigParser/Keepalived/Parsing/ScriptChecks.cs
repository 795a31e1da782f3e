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

    /// <summary>
    /// Decides who scripts run as when they name no user: `script_user` (if it exists), else `keepalived_script`
    /// (if it exists), else root unless script security is on, in which case there is no usable default.
    /// </summary>
    public static void ResolveDefaultUser(KeepalivedParseContext context, GlobalDefs global)
    {
        context.ScriptSecurity = global.EnableScriptSecurity;
        if (global.ScriptUser is { } user)
        {
            context.DefaultScriptUserInvalid = !context.Host.UserExists(user);
            context.DefaultScriptUser = context.DefaultScriptUserInvalid ? null : user;
            return;
        }

        context.DefaultScriptUser = context.Host.UserExists(DefaultScriptUser) ? DefaultScriptUser
            : global.EnableScriptSecurity ? null
            : "root";
    }

    /// <summary>
    /// Checks a notify script's user as keepalived does while reading it; false when keepalived drops the script
    /// (observed: "(file: Line 10) Unable to set default user keepalived_script for script" under script security).
    /// </summary>
    public static bool CheckNotifyUser(KeepalivedParseContext context, KeepalivedDirective d)
    {
        if (context.DefaultScriptUser is not null)
        {
            return true;
        }

        if (!context.DefaultScriptUserInvalid)
        {
            context.Error(d.Location, $"Unable to set default user {DefaultScriptUser} for script", d.Keyword);
        }

        return false;
    }

    /// <summary>Removes the vrrp_scripts that have no usable user; returns the others.</summary>
    public static List<VrrpScript> RemoveWithoutUser(KeepalivedParseContext context, List<VrrpScript> scripts)
    {
        var kept = new List<VrrpScript>();
        foreach (var s in scripts)
        {
            if (s.User is null && context.DefaultScriptUser is null)
            {
                if (!context.DefaultScriptUserInvalid)
                {
                    context.Error(s.End ?? s.Location, $"Unable to set default user {DefaultScriptUser} for script", "script");
                }

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
        var runsAsRoot = false;
        foreach (var s in scripts)
        {
            var user = s.User ?? context.DefaultScriptUser;
            var command = CommandOf(s.Script!);

            // Observed: a bare command name ("true") is only found for root; another user needs a path.
            if ((user != "root" && !command.Contains('/')) || !context.Host.CommandExists(command))
            {
                context.Warn(null, $"Disabling track script {s.Name} since not found/accessible", "script");
                continue;
            }

            runsAsRoot |= user == "root";
        }

        foreach (var script in notifyScripts)
        {
            if (context.Host.CommandExists(CommandOf(script)))
            {
                runsAsRoot |= context.DefaultScriptUser == "root";
            }
        }

        if (runsAsRoot && !global.EnableScriptSecurity)
        {
            context.Warn(null, "SECURITY VIOLATION - scripts are being executed but script_security not enabled.", "enable_script_security");
        }
    }

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
