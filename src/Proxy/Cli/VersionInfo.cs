using System.Reflection;
using System.Runtime.InteropServices;

namespace Proxy.Cli;

/// <summary>The `-v` / `-vv` text.</summary>
internal static class VersionInfo
{
    public static string Version { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The text for -v (level 1) or -vv (level 2).</summary>
    public static string Describe(int level)
    {
        var text = $"proxy version {Version} - HAProxy 2.6 configuration compatible\n";
        if (level > 1)
        {
            text += $"Running on: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}\n" +
                    $"Runtime: {RuntimeInformation.FrameworkDescription}\n" +
                    "Built with Kestrel and YARP's IHttpForwarder.\n";
        }

        return text;
    }
}
