using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vrrp.FunctionalTests.Common;

namespace Vrrp.FunctionalTests;

/// <summary>
/// Runs the shared black-box VRRP harness (../shared/tools/vrrp-harness.sh beside the repository) with our
/// `proxy -k` as the implementation under test against real keepalived 2.2.7: takeover on host death with
/// gratuitous ARPs, keepalived as master preempting back, keepalived accepting our adverts, our priority-0 advert
/// on SIGTERM, track_script failover and recovery, convergence from a split start, and every advert checked by tshark.
/// </summary>
public class HarnessTests
{
    // A full run takes about 70 s on an idle machine; the bound leaves room for a loaded 2-core box.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    // The harness's scenarios produce 20 PASS lines when everything passes; fewer means a scenario did not run.
    private const int ExpectedPasses = 20;

    private const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [RequiresRootFact(keepalived: true, harness: true)]
    public void Harness_ProxyAsSut_AllScenariosPass()
    {
        var tcpdump = SharedHarness.Find("tcpdump")!;
        var prefix = "hx" + Guid.NewGuid().ToString("N")[..6];
        // Debian's tcpdump writes its capture after dropping to user tcpdump: the artifacts directory must be open to it.
        var work = Directory.CreateTempSubdirectory("vrrp-harness-");
        var output = Directory.CreateDirectory(Path.Combine(work.FullName, "out"));
        MakeOpen(work.FullName);
        MakeOpen(output.FullName);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SharedHarness.Script);
        start.Environment["P"] = prefix;
        start.Environment["OUT"] = output.FullName;
        start.Environment["SUT_KIND"] = "cmd";
        start.Environment["SUT_CMD"] = $"exec '{SharedHarness.Adapter}'";
        start.Environment["PROXY_DLL"] = Path.Combine(AppContext.BaseDirectory, "proxy.dll");
        start.Environment["PATH"] = ImmediateTcpdump(work.FullName, tcpdump) + ":"
            + (start.Environment.TryGetValue("PATH", out var path) ? path : "/usr/sbin:/usr/bin:/sbin:/bin");

        var log = new StringBuilder();
        var passed = false;
        try
        {
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var finished = process.WaitForExit(Limit);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            else
            {
                process.WaitForExit();
            }

            var text = Text(log);
            Assert.True(finished, $"the harness did not finish within {Limit.TotalSeconds} s; log: {output.FullName}/harness.log\n{text}");

            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var failures = lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();
            var passes = lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal));
            Assert.True(failures.Count == 0,
                $"{failures.Count} harness check(s) failed (log: {output.FullName}/harness.log, SUT: {output.FullName}/sut.log):\n"
                + string.Join('\n', failures) + "\n--- harness output ---\n" + text);
            Assert.True(passes >= ExpectedPasses,
                $"only {passes} of {ExpectedPasses} harness checks passed (log: {output.FullName}/harness.log):\n{text}");
            Assert.Equal(0, process.ExitCode);

            // The harness deletes its namespaces on exit (topo_down); none may outlive it.
            Assert.Empty(Namespaces(prefix));
            passed = true;
        }
        finally
        {
            RemoveNamespaces(prefix);
            // On failure the artifacts (harness.log, sut.log, captures) stay for the message's paths.
            if (passed)
            {
                work.Delete(recursive: true);
            }
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    /// <summary>
    /// A directory holding a `tcpdump` that adds --immediate-mode. The harness stops each capture 0.2 s after its
    /// last wait, but without immediate mode libpcap's TPACKET_V3 ring hands packets over only when a block
    /// retires (up to its 1 s timeout) and the pending block is lost on SIGTERM; the GARP and priority-0 checks
    /// then fail at random, keepalived as SUT included. Immediate mode only makes the capture complete: every
    /// check still sees (more of) the same packets.
    /// </summary>
    private static string ImmediateTcpdump(string work, string tcpdump)
    {
        var dir = Directory.CreateDirectory(Path.Combine(work, "bin")).FullName;
        var shim = Path.Combine(dir, "tcpdump");
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{tcpdump}' --immediate-mode \"$@\"\n");
        MakeOpen(shim);
        return dir;
    }

    private static void MakeOpen(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Open);
        }
    }

    private static List<string> Namespaces(string prefix)
        => Shell.Run("ip", "netns", "list").Output.Split('\n')
            .Select(line => line.Split(' ', 2)[0].Trim())
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();

    /// <summary>Fallback when the harness was killed before its own cleanup: end what runs in our namespaces, then delete them.</summary>
    private static void RemoveNamespaces(string prefix)
    {
        foreach (var ns in Namespaces(prefix))
        {
            foreach (var pid in Shell.Run("ip", "netns", "pids", ns).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    Shell.Run("kill", "-9", pid);
                }
            }

            Shell.Run("ip", "netns", "del", ns);
        }
    }
}
