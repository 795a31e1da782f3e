using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Http;
using Proxy.Http.Rules;

namespace Proxy.Tests.Http.Rules;

public class AuthActionTests
{
    [Fact]
    public async Task ApplyAsync_Realm_Answers401WithBasicChallenge()
    {
        var feature = new StartingResponseFeature();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(feature);

        var outcome = await new AuthAction("fe").ApplyAsync(context);
        await feature.StartAsync();

        Assert.Equal((RuleOutcome.Responded, 401), (outcome, context.Response.StatusCode));
        Assert.Equal("Basic realm=\"fe\"", context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal(112, context.Response.ContentLength);
    }

    // DefaultHttpContext never runs OnStarting callbacks; this feature runs them when asked, as a server does.
    private sealed class StartingResponseFeature : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in _starting)
            {
                await callback(state);
            }
        }
    }
}
