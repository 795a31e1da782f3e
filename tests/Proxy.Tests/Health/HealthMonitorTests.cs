using System.Net;
using System.Net.Sockets;
using Proxy.Diagnostics;
using Proxy.Health;

namespace Proxy.Tests.Health;

public class HealthMonitorTests
{
    [Fact]
    public void Constructor_CheckedServers_GetACheckerButDisabledAndUncheckedDoNot()
    {
        var runtime = HealthRuntime.Build("backend be\n server a 127.0.0.1:1 check\n server b 127.0.0.1:2\n server c 127.0.0.1:3 check disabled\n" +
                                          "backend be2\n server d 127.0.0.1:4 check port 9 addr 127.0.0.2\n");

        var monitor = new HealthMonitor(runtime, 0, null, TimeProvider.System, new Random(1));

        Assert.Equal(["a", "d"], monitor.Checkers.Select(c => c.Server.Name));
        Assert.False(runtime.Backends[0].Servers[2].IsUsable);
    }

    [Fact]
    public void Constructor_AgentServers_GetAnAgentLoopWithOrWithoutCheck()
    {
        var runtime = HealthRuntime.Build("backend be\n server a 127.0.0.1:1 agent-check agent-port 9\n server b 127.0.0.1:2 check agent-check agent-port 9 agent-inter 500\n" +
                                          " server c 127.0.0.1:3 agent-check agent-port 9 disabled\n server d 127.0.0.1:4 agent-check agent-port 9 no-agent-check\n");

        var monitor = new HealthMonitor(runtime, 0, null, TimeProvider.System, new Random(1));

        Assert.Equal(["b"], monitor.Checkers.Select(c => c.Server.Name));
        Assert.Equal(["a", "b"], monitor.Agents.Select(a => a.Checker.Server.Name));
        Assert.Equal((CheckTiming.DefaultInter, TimeSpan.FromMilliseconds(500)), (monitor.Agents[0].Timing.Inter, monitor.Agents[1].Timing.Inter));
        Assert.False(monitor.Agents[0].Checker.HasCheck);
    }

    [Fact]
    public async Task Start_AgentSaysDrainThenDown_ServerDrainedThenDown()
    {
        using var agent = new TcpListener(IPAddress.Loopback, 0);
        agent.Start();
        var port = ((IPEndPoint)agent.LocalEndpoint).Port;
        var runtime = HealthRuntime.Build($"backend be\n server a 127.0.0.1:1 agent-check agent-port {port} agent-addr 127.0.0.1 agent-inter 50 agent-send \"hi\\n\"\n server b 127.0.0.1:2\n");
        var changes = new List<HealthStateChange>();
        await using var monitor = new HealthMonitor(runtime, 0, null, TimeProvider.System, new Random(1));
        monitor.StateChanged += c => { lock (changes) { changes.Add(c); } };

        monitor.Start();
        var received = new List<string>();
        foreach (var reply in new[] { "drain\n", "down\n" })
        {
            using var client = await agent.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var buffer = new byte[64];
            received.Add(System.Text.Encoding.ASCII.GetString(buffer, 0, await client.ReceiveAsync(buffer, SocketFlags.None)));
            await client.SendAsync(System.Text.Encoding.ASCII.GetBytes(reply), SocketFlags.None);
            client.Shutdown(SocketShutdown.Both);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (changes.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(["hi\n", "hi\n"], received);
        lock (changes)
        {
            Assert.Equal(2, changes.Count);
            Assert.Equal("Server be/a enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.", changes[0].Message);
            Assert.StartsWith("Server be/a is DOWN, reason: Layer7 wrong status, code: 0, info: \"via agent : down\"", changes[1].Message);
        }

        Assert.False(runtime.Backends[0].Servers[0].IsUsable);
    }

    [Fact]
    public async Task Start_RefusedServer_PrintsHaproxysDownLineAndAlert()
    {
        // A port nobody listens on: bind one, remember it, close it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var runtime = HealthRuntime.Build($"backend be\n server a 127.0.0.1:{port} check inter 2000\n");
        var output = new StringWriter();
        var changed = new TaskCompletionSource<HealthStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var monitor = new HealthMonitor(runtime, 0, new HaproxyMessageWriter(output, 42), TimeProvider.System, new Random(1));
        monitor.StateChanged += c => changed.TrySetResult(c);

        monitor.Start();
        var change = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CheckStatus.L4Con, change.Result.Status);
        Assert.False(runtime.Backends[0].Servers[0].IsUsable);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("[WARNING]  (42) : Server be/a is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: ", lines[0]);
        Assert.Equal("[ALERT]    (42) : backend 'be' has no server available!", lines[1]);
    }

    [Fact]
    public async Task Start_RefusedServerWithBackendLog_SendsDownAtAlertAndEmptyAtEmerg()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var syslog = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var logPort = ((IPEndPoint)syslog.Client.LocalEndPoint!).Port;
        var runtime = HealthRuntime.Build($"backend be\n log 127.0.0.1:{logPort} local0\n option log-health-checks\n server a 127.0.0.1:{port} check inter 2000\n");
        await using var monitor = new HealthMonitor(runtime, 0, null, TimeProvider.System, new Random(1));

        monitor.Start();
        var received = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (received.Count < 3)
        {
            var datagram = await syslog.ReceiveAsync(deadline.Token);
            received.Add(System.Text.Encoding.UTF8.GetString(datagram.Buffer));
        }

        // local0 = 16: notice 133, alert 129, emerg 128 (haproxy 2.6.12 capture); the syslog copy names the backend unquoted.
        Assert.StartsWith("<133>", received[0]);
        Assert.Contains("]: Health check for server be/a failed, reason: Layer4 connection problem", received[0]);
        Assert.StartsWith("<129>", received[1]);
        Assert.Contains("]: Server be/a is DOWN. 0 active and 0 backup servers left.", received[1]);
        Assert.StartsWith("<128>", received[2]);
        Assert.EndsWith("]: backend be has no server available!\n", received[2]);
    }

    [Fact]
    public async Task Start_CheckPortRefusedWhileServicePortListens_ChecksThePortAndGoesDown()
    {
        using var service = new TcpListener(IPAddress.Loopback, 0);
        service.Start();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var checkPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var runtime = HealthRuntime.Build($"backend be\n server a 127.0.0.1:{((IPEndPoint)service.LocalEndpoint).Port} check port {checkPort} addr 127.0.0.1 inter 2000\n");
        var changed = new TaskCompletionSource<HealthStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var monitor = new HealthMonitor(runtime, 0, null, TimeProvider.System, new Random(1));
        monitor.StateChanged += c => changed.TrySetResult(c);

        monitor.Start();
        var change = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((ServerHealthPhase.Down, "Connection refused"), (change.Phase, change.Result.Info));
    }
}
