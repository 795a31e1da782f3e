using Proxy.Http;

namespace Proxy.Tests.Http;

public class RetryPolicyTests
{
    private static RetryPolicy Policy(int retries = 3, int? redispatch = null, string[]? retryOn = null, bool hash = false, TimeSpan? connect = null)
        => new(retries, redispatch, retryOn ?? ["conn-failure"], hash, connect ?? TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void MayRetry_ConnectRefused_UntilRetriesAreSpent(int done, bool expected)
    {
        Assert.Equal(expected, Policy().MayRetry(UpstreamFailure.ConnectRefused, done, hasBody: false));
    }

    [Fact]
    public void MayRetry_ConnectFailureWithABody_IsRetriedBecauseNothingLeft()
    {
        Assert.True(Policy().MayRetry(UpstreamFailure.ConnectTimeout, 0, hasBody: true));
    }

    [Fact]
    public void MayRetry_RetryOnNone_NeverRetries()
    {
        Assert.False(Policy(retryOn: ["none"]).MayRetry(UpstreamFailure.ConnectRefused, 0, hasBody: false));
    }

    [Theory]
    [InlineData((int)UpstreamFailure.EmptyResponse, "empty-response")]
    [InlineData((int)UpstreamFailure.JunkResponse, "junk-response")]
    [InlineData((int)UpstreamFailure.ResponseTimeout, "response-timeout")]
    public void MayRetry_L7Failure_OnlyWhenNamedAndWithoutBody(int kind, string word)
    {
        var failure = (UpstreamFailure)kind;
        Assert.False(Policy().MayRetry(failure, 0, hasBody: false));
        Assert.True(Policy(retryOn: [word]).MayRetry(failure, 0, hasBody: false));
        Assert.False(Policy(retryOn: [word]).MayRetry(failure, 0, hasBody: true));
    }

    [Fact]
    public void MayRetry_AllRetryableErrors_CoversFailuresAnd5xx()
    {
        var policy = Policy(retryOn: ["all-retryable-errors"]);

        Assert.True(policy.MayRetry(UpstreamFailure.EmptyResponse, 0, hasBody: false));
        Assert.True(policy.MayRetry(503, 0, hasBody: false));
        Assert.False(policy.MayRetry(404, 0, hasBody: false));
    }

    [Fact]
    public void MayRetry_Other_NeverRetries()
    {
        Assert.False(Policy(retryOn: ["all-retryable-errors"]).MayRetry(UpstreamFailure.Other, 0, hasBody: false));
    }

    [Fact]
    public void Next_NoRedispatch_WaitsOneSecondOnTheSameServer()
    {
        Assert.Equal(new RetryStep(false, TimeSpan.FromSeconds(1)), Policy().Next(1, usableServers: 2, connectionError: true));
    }

    [Fact]
    public void Next_ShortConnectTimeout_WaitsThatLong()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(300), Policy(connect: TimeSpan.FromMilliseconds(300)).Next(1, 1, connectionError: true).Delay);
    }

    [Fact]
    public void Next_AfterConnectTimeout_DoesNotWait()
    {
        Assert.Equal(TimeSpan.Zero, Policy().Next(1, 1, connectionError: false).Delay);
    }

    [Fact]
    public void Next_RedispatchWithSeveralServersRoundRobin_MovesAtOnceOnEveryRetry()
    {
        var policy = Policy(redispatch: -1);

        Assert.All([1, 2, 3], n => Assert.Equal(new RetryStep(true, TimeSpan.Zero), policy.Next(n, usableServers: 2, connectionError: true)));
    }

    [Fact]
    public void Next_RedispatchWithHashBalancing_MovesOnlyOnTheLastRetry()
    {
        var policy = Policy(redispatch: -1, hash: true);

        Assert.Equal(new RetryStep(false, TimeSpan.FromSeconds(1)), policy.Next(1, 2, connectionError: true));
        Assert.Equal(new RetryStep(false, TimeSpan.FromSeconds(1)), policy.Next(2, 2, connectionError: true));
        Assert.Equal(new RetryStep(true, TimeSpan.Zero), policy.Next(3, 2, connectionError: true));
    }

    [Fact]
    public void Next_RedispatchWithOneServer_StillWaits()
    {
        // haproxy 2.6 measured: one refused server with option redispatch takes 3 s (three 1 s turn-arounds).
        Assert.Equal(new RetryStep(true, TimeSpan.FromSeconds(1)), Policy(redispatch: -1).Next(3, 1, connectionError: true));
    }

    [Theory]
    [InlineData(2, 1, false)]
    [InlineData(2, 2, true)]
    [InlineData(-2, 1, false)]
    [InlineData(-2, 2, true)]
    public void Next_RedispatchInterval_CountsRetries(int interval, int retry, bool expected)
    {
        Assert.Equal(expected, Policy(redispatch: interval, hash: true).Next(retry, 2, connectionError: true).Redispatch);
    }
}
