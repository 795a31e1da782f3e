using ConfigParser.Diagnostics;
using Proxy.Cli;
using Proxy.Diagnostics;
using Proxy.Hosting;

// Composition root: parse the command line, load and check the configuration, then build and run the host.
// ../shared/spec/performance.md lever 1: socket completions inline. Read when the first socket is created, so set here.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

var pid = Environment.ProcessId;
var messages = new HaproxyMessageWriter(Console.Error, pid);
if (!CommandLineParser.TryParse(args, out var options, out var usageError))
{
    messages.Write(DiagnosticSeverity.Alert, usageError!, context: null);
    Console.Error.WriteLine(CommandLineParser.Usage);
    return ExitCodes.Failure;
}

if (options.VersionLevel > 0)
{
    Console.Write(VersionInfo.Describe(options.VersionLevel));
    return ExitCodes.Success;
}

var loaded = LoadedConfiguration.Load(options);
var report = loaded.Report;
if (options.CheckOnly)
{
    return ConfigCheckCommand.Run(options, report, Console.Out, Console.Error, pid);
}

if (!options.Quiet)
{
    // At start only alerts stop us; keepalived's warnings stay warnings (keepalived itself would run).
    ConfigCheckCommand.WriteDiagnostics(report with { KeepalivedValid = true }, messages);
}

if (loaded.Runtime is not { } runtime || loaded.Keepalived is { IsUsable: false })
{
    return ExitCodes.Failure;
}

var vrrp = VrrpStartup.Prepare(loaded.Keepalived?.Config, messages);
if (vrrp is { Failed: true })
{
    return ExitCodes.Failure;
}

if (runtime.Listeners.Count == 0 && vrrp is null)
{
    messages.Write(DiagnosticSeverity.Alert, "[proxy.main()] No enabled listener found (check for 'bind' directives) ! Exiting.", context: null);
    return ExitCodes.Failure;
}

if ((options.PidFile ?? loaded.Config?.Global.PidFile) is { } pidFile)
{
    File.WriteAllText(pidFile, $"{pid}\n");
}

if (runtime.Listeners.Count == 0)
{
    // `proxy -k keepalived.conf` alone: a VRRP-only node.
    return await VrrpStartup.RunAloneAsync(vrrp!, messages, options.Debug) ? ExitCodes.Success : ExitCodes.Failure;
}

// Hidden diagnostic for bench/alloc.sh (bytes allocated per request); off unless PROXY_DIAG_ALLOC=1.
using var allocationReport = AllocationReport.StartIfAsked(Console.Error);
var app = ProxyHost.Build(runtime, messages, options.Debug, vrrp is null ? null : vrrp.Register);
try
{
    await app.RunAsync();
    return ExitCodes.Success;
}
catch (Vrrp.Hosting.VrrpStartException e)
{
    messages.Write(DiagnosticSeverity.Alert, e.Message, context: "keepalived");
    return ExitCodes.Failure;
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
{
    // Kestrel names the address it failed on; report it the way haproxy 2.6 does, with the bind line.
    var failed = runtime.Listeners.FirstOrDefault(l => e.Message.Contains(l.Endpoint.ToString(), StringComparison.Ordinal));
    var reason = e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException ? "Address already in use" : e.InnerException!.Message;
    var where = failed is null ? "" : $"Binding [{failed.Frontend.Definition.Binds[0].Location}] for frontend {failed.Frontend.Name}: ";
    messages.Write(DiagnosticSeverity.Alert, $"{where}cannot bind socket ({reason}) for [{failed?.Endpoint.ToString() ?? e.Message}]", context: null);
    messages.Write(DiagnosticSeverity.Alert, "[proxy.main()] Some protocols failed to start their listeners! Exiting.", context: null);
    return ExitCodes.Failure;
}
