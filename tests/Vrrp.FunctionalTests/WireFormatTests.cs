using Vrrp.FunctionalTests.Common;

namespace Vrrp.FunctionalTests;

/// <summary>
/// The advert our master puts on the wire, captured with an AF_PACKET socket (python3) in its namespace: with
/// priority 103, VRID 51, PASS "x" and VIP 203.0.113.100 the VRRP bytes must equal keepalived 2.2.7's capture in
/// ../shared/spec/vrrp.md, and the Ethernet/IP framing must be keepalived's (group MAC, TOS 0xc0, TTL 255).
/// </summary>
public class WireFormatTests
{
    private const string Capture = """
        import socket, sys, select
        # ETH_P_ALL (3): an ETH_P_IP socket did not see our outgoing frames here.
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
        s.bind(("eth0", 0))
        while True:
            r, _, _ = select.select([s], [], [], 10)
            if not r:
                sys.exit(1)
            f = s.recv(2048)
            if len(f) > 34 and f[23] == 112:
                print(f.hex())
                sys.exit(0)
        """;

    [RequiresRootFact]
    public void Advert_OnTheWire_MatchesKeepalivedByteForByte()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("a", "203.0.113.11"));
        NodeProcess? a = null;
        try
        {
            var script = Path.Combine(dir.FullName, "capture.py");
            File.WriteAllText(script, Capture);
            a = NodeProcess.Proxy(topology.Namespace("a"), KeepalivedConf.Write(dir.FullName, "a", 103));
            Assert.True(Shell.WaitFor(() => topology.HasVip("a"), TimeSpan.FromSeconds(10)) is not null, a.Output);

            var (code, output) = Shell.Run("ip", "netns", "exec", topology.Namespace("a"), "python3", script);
            Assert.True(code == 0, $"no advert captured: {output}");
            var frame = Convert.FromHexString(output.Trim());

            Assert.Equal("01005e000012", Convert.ToHexString(frame[..6]).ToLowerInvariant());
            Assert.Equal(0x45, frame[14]);
            Assert.Equal(0xc0, frame[15]);                           // TOS
            Assert.Equal(255, frame[22]);                            // TTL
            Assert.Equal("cb00710be0000012", Convert.ToHexString(frame[26..34]).ToLowerInvariant());
            Assert.Equal("213367010101c264cb0071647800000000000000", Convert.ToHexString(frame[34..54]).ToLowerInvariant());
        }
        finally
        {
            a?.Dispose();
            dir.Delete(recursive: true);
        }
    }

    private const string ArpCapture = """
        import socket, sys, select, time
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
        s.bind(("eth0", 0))
        end = time.time() + 15
        seen = 0
        while time.time() < end:
            r, _, _ = select.select([s], [], [], 1)
            if not r:
                continue
            f = s.recv(2048)
            if len(f) >= 42 and f[12:14] == b"\x08\x06":
                print(f[:42].hex(), flush=True)
                seen += 1
                if seen == 5:
                    sys.exit(0)
        sys.exit(1)
        """;

    [RequiresRootFact]
    public void BecomingMaster_SendsAGratuitousArpBurstLikeKeepalived()
    {
        var dir = Directory.CreateTempSubdirectory("vrrp-ft-");
        using var topology = new NetnsTopology(("a", "203.0.113.11"));
        NodeProcess? a = null, capture = null;
        try
        {
            var script = Path.Combine(dir.FullName, "arp.py");
            File.WriteAllText(script, ArpCapture);
            capture = NodeProcess.Command(topology.Namespace("a"), "python3", script);
            Thread.Sleep(500); // let the capture socket open before the node starts
            a = NodeProcess.Proxy(topology.Namespace("a"), KeepalivedConf.Write(dir.FullName, "a", 103));
            Assert.True(capture.WaitForExit(TimeSpan.FromSeconds(20)), $"fewer than 5 ARP frames.\n{capture.Output}\n{a.Output}");

            var mac = Shell.Run("ip", "netns", "exec", topology.Namespace("a"), "cat", "/sys/class/net/eth0/address").Output.Trim().Replace(":", "", StringComparison.Ordinal);
            var frames = capture.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(5, frames.Length);
            // Broadcast ARP request: sender MAC = ours, sender IP = target IP = VIP, target MAC ff:ff:ff:ff:ff:ff.
            var expected = $"ffffffffffff{mac}08060001080006040001{mac}cb007164ffffffffffffcb007164";
            Assert.All(frames, f => Assert.Equal(expected, f));
        }
        finally
        {
            capture?.Dispose();
            a?.Dispose();
            dir.Delete(recursive: true);
        }
    }
}
