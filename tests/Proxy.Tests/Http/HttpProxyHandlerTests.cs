using System.Net;
using ConfigParser;
using ConfigParser.Diagnostics;
using Microsoft.AspNetCore.Http;
using Proxy.Hosting;
using Proxy.Http;
using Proxy.Runtime;
using Proxy.Tests.Support;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Tests.Http;

public class HttpProxyHandlerTests
{
    private const int Port = 8080;

    private readonly FakeTimeProvider _time = new();

    private HttpProxyHandler Handler(string backend, FakeForwarder forwarder)
    {
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg",
            "defaults\n mode http\n timeout connect 5s\n timeout client 5s\n timeout server 5s\n" +
            $"frontend fe\n bind 127.0.0.1:{Port}\n default_backend be\nbackend be\n{backend}")]);
        var runtime = RuntimeBuilder.Build(parsed.Config!, new DiagnosticBag(), services: new RuntimeServices(_time, (_, _) => throw new InvalidOperationException()));
        return new HttpProxyHandler(forwarder, new CurrentRuntime(runtime!), _time);
    }

    private static DefaultHttpContext Request()
    {
        var context = new DefaultHttpContext();
        context.Connection.LocalIpAddress = IPAddress.Loopback;
        context.Connection.LocalPort = Port;
        context.Request.Method = "GET";
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static readonly Exception Refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new UpstreamConnectException(timedOut: false, null));

    [Fact]
    public async Task HandleAsync_RefusedEveryTime_RetriesOneSecondApartOnTheInjectedClockThen503()
    {
        var forwarder = new FakeForwarder(Enumerable.Repeat<(ForwarderError, Exception?)>((ForwarderError.Request, Refused), 4));
        var handler = Handler(" server s1 127.0.0.1:9\n", forwarder);
        var context = Request();

        var handling = handler.HandleAsync(context);
        for (var attempt = 1; attempt < 4; attempt++)
        {
            Assert.Equal(attempt, forwarder.Destinations.Count);
            Assert.False(handling.IsCompleted);
            _time.Advance(TimeSpan.FromSeconds(1));
            await WaitForAsync(() => forwarder.Destinations.Count == attempt + 1);
        }

        await handling;
        var outcome = RequestOutcome.Of(context)!;
        Assert.Equal((503, "SC", 3, "s1"), (context.Response.StatusCode, outcome.TerminationState, outcome.Retries, outcome.Server));
        Assert.Equal(3000, outcome.TotalMilliseconds);
    }

    [Fact]
    public async Task HandleAsync_RefusedThenServed_RecordsOneRetryAndSuccess()
    {
        var forwarder = new FakeForwarder([(ForwarderError.Request, Refused), (ForwarderError.None, null)]);
        var handler = Handler(" server s1 127.0.0.1:9\n", forwarder);
        var context = Request();

        var handling = handler.HandleAsync(context);
        _time.Advance(TimeSpan.FromSeconds(1));
        await handling;

        var outcome = RequestOutcome.Of(context)!;
        Assert.Equal((200, "--", 1, false), (outcome.Status, outcome.TerminationState, outcome.Retries, outcome.Redispatched));
    }

    [Fact]
    public async Task HandleAsync_RedispatchWithTwoServers_MovesAtOnceToTheOther()
    {
        var forwarder = new FakeForwarder([(ForwarderError.Request, Refused), (ForwarderError.None, null)]);
        var handler = Handler(" option redispatch\n server s1 127.0.0.1:9\n server s2 127.0.0.2:9\n", forwarder);
        var context = Request();

        await handler.HandleAsync(context);

        Assert.Equal(["http://127.0.0.1:9", "http://127.0.0.2:9"], forwarder.Destinations);
        var outcome = RequestOutcome.Of(context)!;
        Assert.Equal((1, true, "s2"), (outcome.Retries, outcome.Redispatched, outcome.Server));
    }

    [Fact]
    public async Task HandleAsync_ServerTimeout_NotRetried504()
    {
        var forwarder = new FakeForwarder([(ForwarderError.RequestTimedOut, null)]);
        var handler = Handler(" server s1 127.0.0.1:9\n", forwarder);
        var context = Request();

        await handler.HandleAsync(context);

        Assert.Single(forwarder.Destinations);
        Assert.Equal((504, "sH", 0), (context.Response.StatusCode, RequestOutcome.Of(context)!.TerminationState, RequestOutcome.Of(context)!.Retries));
    }

    [Fact]
    public async Task HandleAsync_MaxConnServerBusy_QueueTimeoutOnTheInjectedClock()
    {
        var forwarder = new FakeForwarder([]);
        var handler = Handler(" timeout queue 2s\n server s1 127.0.0.1:9 maxconn 1\n", forwarder);
        var busy = handler.HandleAsync(Request());
        var context = Request();

        var queued = handler.HandleAsync(context);
        Assert.False(queued.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        await queued;

        var outcome = RequestOutcome.Of(context)!;
        Assert.Equal((503, "sQ", 2000L), (context.Response.StatusCode, outcome.TerminationState, outcome.QueueMilliseconds));
        forwarder.Finish();
        await busy;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // The continuation after the fake timer runs on the thread pool; poll briefly (bounded), never sleep for timing.
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Yield();
            await Task.Delay(1);
        }

        Assert.True(condition());
    }

    /// <summary>Answers each attempt with the next scripted error; with none left, waits until <see cref="Finish"/>.</summary>
    private sealed class FakeForwarder(IEnumerable<(ForwarderError Error, Exception? Exception)> script) : IHttpForwarder
    {
        private readonly Queue<(ForwarderError Error, Exception? Exception)> _script = new(script);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Destinations { get; } = [];

        public void Finish() => _finish.TrySetResult();

        public async ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
            ForwarderRequestConfig requestConfig, HttpTransformer transformer)
        {
            lock (Destinations)
            {
                Destinations.Add(destinationPrefix);
            }

            if (!_script.TryDequeue(out var step))
            {
                await _finish.Task;
                return ForwarderError.None;
            }

            if (step.Error != ForwarderError.None)
            {
                context.Response.StatusCode = 502;
                context.Features.Set<IForwarderErrorFeature>(new ErrorFeature(step.Error, step.Exception));
            }

            return step.Error;
        }

        public ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
            ForwarderRequestConfig requestConfig, HttpTransformer transformer, CancellationToken cancellationToken)
            => SendAsync(context, destinationPrefix, httpClient, requestConfig, transformer);
    }

    private sealed record ErrorFeature(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;
}
