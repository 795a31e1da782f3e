using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Proxy.Health;

/// <summary>
/// `option tcp-check` (haproxy 2.6 §4.2): runs the plan's rules in order over one connection at a time. A first rule
/// other than `connect` connects to the check address first ("initial connection step"); `send` empties what was
/// read; `expect` reads (at most 16 kB) until its pattern is found, the server closes or the deadline passes. The
/// reasons are haproxy's, captured from 2.6.12: "TCPCHK did not match content '+PONG' at step 2", "TCPCHK got an
/// empty response at step 2", "Connection refused at step 1 of tcp-check (connect port 6379)", a timeout's
/// " at step 2 of tcp-check (expect string '+PONG')"; success is "Layer7 check passed" with info "(tcp-check)".
/// </summary>
internal sealed class TcpCheckProbe(CheckConnector connector, TcpCheckPlan plan, SslClientAuthenticationOptions? connectSsl) : IHealthProbe
{
    private const int BufferSize = 16384;

    private CheckConnector Connector { get; } = connector;

    private TcpCheckPlan Plan { get; } = plan;

    private SslClientAuthenticationOptions? ConnectSsl { get; } = connectSsl;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = Connector.Time.GetTimestamp();
        var run = new Run(this, started, cancellationToken);
        try
        {
            return await run.ExecuteAsync().ConfigureAwait(false);
        }
        finally
        {
            await run.DisposeAsync().ConfigureAwait(false);
        }
    }

    // One check's state: the connection, what was read, the deadline.
    private sealed class Run(TcpCheckProbe probe, long started, CancellationToken cancellationToken) : IAsyncDisposable
    {
        private readonly byte[] _buffer = new byte[BufferSize];
        private Stream? _stream;
        private CancellationTokenSource? _timer;
        private CancellationTokenSource? _deadline;
        private int _length;
        private bool _closed;

        private CheckConnector Connector => probe.Connector;

        public async Task<CheckResult> ExecuteAsync()
        {
            var steps = probe.Plan.Steps;
            if (steps[0].Action != TcpCheckAction.Connect
                && await ConnectAsync(Connector, Connector.Tls, null).ConfigureAwait(false) is { } initial)
            {
                return initial;
            }

            foreach (var step in steps)
            {
                var failure = step.Action switch
                {
                    TcpCheckAction.Connect => await ConnectAsync(Retarget(step), step.Ssl ? probe.ConnectSsl : null, step).ConfigureAwait(false),
                    TcpCheckAction.Send => await SendAsync(step).ConfigureAwait(false),
                    TcpCheckAction.Expect => await ExpectAsync(step).ConfigureAwait(false),
                    _ => null,
                };
                if (failure is not null)
                {
                    return failure;
                }
            }

            var elapsed = Connector.Elapsed(started);
            return probe.Plan.Talks ? new CheckResult(CheckStatus.L7Ok, 0, "(tcp-check)", elapsed)
                : new CheckResult(Connector.Tls is null && !probe.Plan.ConnectsWithSsl ? CheckStatus.L4Ok : CheckStatus.L6Ok, null, null, elapsed);
        }

        public async ValueTask DisposeAsync()
        {
            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }

            _deadline?.Dispose();
            _timer?.Dispose();
        }

        // `connect port N`: the check address with that port.
        private CheckConnector Retarget(TcpCheckStep step)
            => step.Port is { } port ? new CheckConnector(new IPEndPoint(Connector.Endpoint.Address, port), Connector.Timeouts, Connector.Time) : Connector;

        private async Task<CheckResult?> ConnectAsync(CheckConnector target, SslClientAuthenticationOptions? tls, TcpCheckStep? step)
        {
            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
                _stream = null;
            }

            var (socket, failure) = await target.ConnectAsync(started, cancellationToken).ConfigureAwait(false);
            if (failure is null && tls is not null)
            {
                var secured = new CheckConnector(target.Endpoint, target.Timeouts, target.Time, tls);
                (_stream, failure) = await secured.SecureAsync(socket!, started, cancellationToken).ConfigureAwait(false);
            }
            else if (failure is null)
            {
                _stream = new NetworkStream(socket!, ownsSocket: true);
            }

            if (failure is not null)
            {
                var where = step is null ? " at initial connection step of tcp-check" : $" at step {step.Step} of tcp-check {step.Described}";
                return failure with { Info = failure.Info + where + Quoted(step) };
            }

            (_length, _closed) = (0, false);
            if (_deadline is null)
            {
                _timer = Connector.ReadDeadline(started);
                _deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
            }

            return null;
        }

        private async Task<CheckResult?> SendAsync(TcpCheckStep step)
        {
            (_length, _closed) = (0, false);
            try
            {
                await _stream!.WriteAsync(step.Data, _deadline!.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new CheckResult(CheckStatus.L7Tout, null, $" at step {step.Step} of tcp-check (send)" + Quoted(step), Connector.Elapsed(started));
            }
            catch (IOException)
            {
                // A server gone before the data: the next expect finds the connection closed.
                _closed = true;
            }

            return null;
        }

        private async Task<CheckResult?> ExpectAsync(TcpCheckStep step)
        {
            while (true)
            {
                var found = Matches(step);
                if (found)
                {
                    return step.Negate ? Failed(step, $"TCPCHK matched unwanted content {step.Shown} at step {step.Step}") : null;
                }

                if (_closed || _length == _buffer.Length)
                {
                    return _length == 0 ? Failed(step, $"TCPCHK got an empty response at step {step.Step}")
                        : step.Negate ? null
                        : Failed(step, $"TCPCHK did not match content {step.Shown} at step {step.Step}");
                }

                try
                {
                    var read = await _stream!.ReadAsync(_buffer.AsMemory(_length), _deadline!.Token).ConfigureAwait(false);
                    _closed = read == 0;
                    _length += read;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return new CheckResult(CheckStatus.L7Tout, null, $" at step {step.Step} of tcp-check {step.Described}" + Quoted(step), Connector.Elapsed(started));
                }
                catch (IOException e) when (e.InnerException is SocketException socket)
                {
                    // 2.6.12: "Socket error, info: "Connection reset by peer at step 4 of tcp-check (expect binary '+PONG')"".
                    var info = $"{SocketErrorText.Of(socket.SocketErrorCode)} at step {step.Step} of tcp-check {step.Described}";
                    return new CheckResult(CheckStatus.SockErr, null, info + Quoted(step), Connector.Elapsed(started));
                }
                catch (IOException)
                {
                    _closed = true;
                }
            }
        }

        private bool Matches(TcpCheckStep step)
        {
            var data = _buffer.AsSpan(0, _length);
            return step.Regex is { } regex ? regex.IsMatch(Encoding.Latin1.GetString(data)) : data.IndexOf(step.Data) >= 0;
        }

        private CheckResult Failed(TcpCheckStep step, string info)
            => new(CheckStatus.L7Rsp, null, info + Commented(step), Connector.Elapsed(started));

        // An expect's failure names the comment as is; a timeout or a connection error quotes it (both as 2.6.12 prints them).
        private static string Commented(TcpCheckStep? step) => step?.Comment is { } comment ? " comment: " + comment : "";

        private static string Quoted(TcpCheckStep? step) => step?.Comment is { } comment ? $" comment: '{comment}'" : "";
    }
}
