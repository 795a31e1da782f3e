using System.Collections.Frozen;
using ConfigParser.Model;

namespace Proxy.Http;

/// <summary>
/// A backend's `retries`, `option redispatch` and `retry-on`, decided the way haproxy 2.6 does after a failed
/// attempt (src/stream.c back_handle_st_cer; ../shared/spec/haproxy-2.6.md §1.6).
/// </summary>
internal sealed class RetryPolicy
{
    // haproxy 2.6: the turn-around before retrying the same server after a connection error is min(1s, timeout connect).
    private static readonly TimeSpan MaxTurnAround = TimeSpan.FromSeconds(1);

    private readonly FrozenSet<int> _statuses;

    public RetryPolicy(int retries, int? redispatchInterval, IReadOnlyList<string> retryOn, bool hashBalanced, TimeSpan? connectTimeout)
    {
        Retries = Math.Max(0, retries);
        RedispatchInterval = redispatchInterval;
        HashBalanced = hashBalanced;
        TurnAround = connectTimeout is { } connect && connect < MaxTurnAround ? connect : MaxTurnAround;
        var statuses = new HashSet<int>();
        foreach (var word in retryOn)
        {
            On |= word switch
            {
                "conn-failure" => RetryOn.ConnFailure,
                "empty-response" => RetryOn.EmptyResponse,
                "junk-response" => RetryOn.JunkResponse,
                "response-timeout" => RetryOn.ResponseTimeout,
                "0rtt-rejected" => RetryOn.ZeroRttRejected,
                // haproxy 2.6: all-retryable-errors = every failure kind plus 500, 502, 503 and 504.
                "all-retryable-errors" => RetryOn.ConnFailure | RetryOn.EmptyResponse | RetryOn.JunkResponse
                    | RetryOn.ResponseTimeout | RetryOn.ZeroRttRejected,
                _ => RetryOn.None,
            };
            if (word == "all-retryable-errors")
            {
                statuses.UnionWith([500, 502, 503, 504]);
            }
            else if (int.TryParse(word, out var status))
            {
                statuses.Add(status);
            }
        }

        _statuses = statuses.ToFrozenSet();
    }

    /// <summary>`retries`: attempts after the first.</summary>
    public int Retries { get; }

    /// <summary>`option redispatch` interval; null when redispatch is off.</summary>
    public int? RedispatchInterval { get; }

    /// <summary>True for hash-based balancing, where another pick would land on the same server.</summary>
    public bool HashBalanced { get; }

    /// <summary>The wait before retrying the same server after a connection error.</summary>
    public TimeSpan TurnAround { get; }

    /// <summary>The failure kinds `retry-on` names.</summary>
    public RetryOn On { get; }

    /// <summary>True when some response status triggers a retry (the response must then be held back).</summary>
    public bool RetriesOnStatus => _statuses.Count > 0;

    /// <summary>The policy of a backend section.</summary>
    public static RetryPolicy For(BackendSection backend)
    {
        var redispatch = backend.Options.OfType<RedispatchOption>().LastOrDefault();
        var hash = backend.Balance.Algorithm is BalanceAlgorithms.Source or BalanceAlgorithms.Uri or BalanceAlgorithms.UrlParam
            or BalanceAlgorithms.Header or BalanceAlgorithms.RdpCookie or BalanceAlgorithms.Hash;
        return new RetryPolicy(backend.Retries, redispatch is { Enabled: true, Interval: not 0 } ? redispatch.Interval : null,
            backend.RetryOn, hash, backend.Timeouts.Connect);
    }

    /// <summary>
    /// Whether a failed attempt may be retried, given the retries already made. A request is replayed only when
    /// nothing of it reached the server (connection failures) or it has no body to resend.
    /// </summary>
    public bool MayRetry(UpstreamFailure failure, int retriesDone, bool hasBody)
    {
        if (retriesDone >= Retries)
        {
            return false;
        }

        return failure switch
        {
            UpstreamFailure.ConnectRefused or UpstreamFailure.ConnectTimeout => (On & RetryOn.ConnFailure) != 0,
            UpstreamFailure.EmptyResponse => !hasBody && (On & RetryOn.EmptyResponse) != 0,
            UpstreamFailure.JunkResponse => !hasBody && (On & RetryOn.JunkResponse) != 0,
            UpstreamFailure.ResponseTimeout => !hasBody && (On & RetryOn.ResponseTimeout) != 0,
            _ => false,
        };
    }

    /// <summary>Whether a response with <paramref name="status"/> is retried (`retry-on &lt;status&gt;`).</summary>
    public bool MayRetry(int status, int retriesDone, bool hasBody) => !hasBody && retriesDone < Retries && _statuses.Contains(status);

    /// <summary>
    /// The next attempt after the <paramref name="retryNumber"/>-th retry was decided (1 for the first retry):
    /// redispatch on the configured retries, or on every retry when the balancer is not hash-based and more than
    /// one server is usable; wait the turn-around only after a connection error on the same server.
    /// </summary>
    public RetryStep Next(int retryNumber, int usableServers, bool connectionError)
    {
        var redispatch = false;
        if (RedispatchInterval is { } interval)
        {
            var period = interval > 0 ? interval : Retries + 1 + interval;
            redispatch = (period > 0 && retryNumber % period == 0) || (!HashBalanced && usableServers > 1);
        }

        // haproxy 2.6: only wait when retrying the same server (or when there is no other to go to).
        var wait = connectionError && (!redispatch || usableServers <= 1);
        return new RetryStep(redispatch, wait ? TurnAround : TimeSpan.Zero);
    }
}
