using System.Text.RegularExpressions;
using Proxy.Http.Conditions;
using Proxy.Http.Rules;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;
using static Proxy.Tests.Http.Rules.RuleTestSupport;

namespace Proxy.Tests.Http.Rules;

public class ReplaceTargetActionTests
{
    [Theory]
    [InlineData("replace-path", "/zp/(.*)", "/stripped/\\1", "/zp/a/b?k=v", "/stripped/a/b?k=v")]
    [InlineData("replace-path", "^/nomatch", "/x", "/zp/a?k=v", "/zp/a?k=v")]
    [InlineData("replace-pathq", "^/zq(.*)", "/q\\1", "/zq/a?k=v", "/q/a?k=v")]
    [InlineData("replace-uri", "^/zu/([^?]*)[?](.*)$", "/u/\\2/\\1", "/zu/a?k=v", "/u/k=v/a")]
    [InlineData("replace-path", "b", "c", "/ab?k", "c?k")]
    public async Task ApplyAsync_Regex_RewritesThatPartOfTheTarget(string action, string pattern, string replacement, string target, string expected)
    {
        var context = Request(target: target);

        await new ReplaceTargetAction(action, new Regex(pattern), Format(replacement)).ApplyAsync(context);

        Assert.Equal(expected, RequestTarget.Url(context));
    }
}
