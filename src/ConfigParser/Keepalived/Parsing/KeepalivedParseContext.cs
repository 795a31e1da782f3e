using ConfigParser.Diagnostics;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>What every block builder shares: the diagnostics and the host probe.</summary>
internal sealed class KeepalivedParseContext
{
    /// <summary>Creates a context.</summary>
    public KeepalivedParseContext(DiagnosticBag diagnostics, KeepalivedHostProbe host)
    {
        Diagnostics = diagnostics;
        Host = host;
    }

    /// <summary>The diagnostics of this load.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>The machine keepalived would run on.</summary>
    public KeepalivedHostProbe Host { get; }

    /// <summary>The user scripts run as when they name none ("root" when nothing else applies); null when unusable.</summary>
    public string? DefaultScriptUser { get; set; } = "root";

    /// <summary>True when `script_user` named a user that does not exist ("Error setting global script uid/gid").</summary>
    public bool DefaultScriptUserInvalid { get; set; }

    /// <summary>True when `enable_script_security` is on (scripts never fall back to root then).</summary>
    public bool ScriptSecurity { get; set; }

    /// <summary>True once an interface was found missing ("Non-existent interface specified in configuration").</summary>
    public bool MissingInterface { get; set; }

    /// <summary>A message about an invalid value (keepalived reports it and goes on, but `-t` fails).</summary>
    public void Error(SourceLocation? at, string message, string? keyword = null, LocationPrefix prefix = LocationPrefix.Parsing)
        => Diagnostics.Alert(at, message, keyword, prefix);

    /// <summary>A warning (keepalived's `-t` still fails on it).</summary>
    public void Warn(SourceLocation? at, string message, string? keyword = null, LocationPrefix prefix = LocationPrefix.Parsing)
        => Diagnostics.Warning(at, message, keyword, prefix);

    /// <summary>Checks an interface name; reports it as keepalived does when it does not exist.</summary>
    public bool CheckInterface(string name, SourceLocation at, string message)
    {
        if (Host.InterfaceExists(name))
        {
            return true;
        }

        Warn(at, message);
        MissingInterface = true;
        return false;
    }
}
