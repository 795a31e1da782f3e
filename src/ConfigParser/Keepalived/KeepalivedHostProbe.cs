namespace ConfigParser.Keepalived;

/// <summary>
/// What keepalived 2.2.7 asks of the machine while it checks a file (observed with `keepalived -t`): whether an
/// interface exists, whether a script's command is found and executable, whether the default script user
/// `keepalived_script` exists. Its verdict depends on these, so the loader takes them as an input.
/// </summary>
public sealed record KeepalivedHostProbe
{
    /// <summary>True when the interface exists (default: /sys/class/net/NAME exists).</summary>
    public Func<string, bool> InterfaceExists { get; init; } = name => IsSafeName(name) && Directory.Exists("/sys/class/net/" + name);

    /// <summary>True when the interface is a loopback (default: the name is "lo").</summary>
    public Func<string, bool> IsLoopback { get; init; } = name => name == "lo";

    /// <summary>True when a command (absolute path, or a name looked up on PATH) is an executable file.</summary>
    public Func<string, bool> CommandExists { get; init; } = SystemCommandExists;

    /// <summary>True when a system user exists (default: listed in /etc/passwd).</summary>
    public Func<string, bool> UserExists { get; init; } = SystemUserExists;

    /// <summary>The machine as it is (the default).</summary>
    public static KeepalivedHostProbe System { get; } = new();

    /// <summary>
    /// A machine on which every interface exists and no script is found: the verdict then depends on the file alone.
    /// </summary>
    public static KeepalivedHostProbe FileOnly { get; } = new()
    {
        InterfaceExists = _ => true,
        CommandExists = _ => false,
        UserExists = _ => false,
    };

    private static bool IsSafeName(string name)
        => name.Length is > 0 and < 64 && !name.Contains('/') && name != "." && name != "..";

    private static bool SystemCommandExists(string command)
    {
        try
        {
            if (command.Contains('/'))
            {
                return IsExecutable(command);
            }

            var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin";
            return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => IsExecutable(Path.Combine(dir, command)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsExecutable(string path)
        => File.Exists(path)
           && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static bool SystemUserExists(string user)
    {
        try
        {
            return File.Exists("/etc/passwd")
                   && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
