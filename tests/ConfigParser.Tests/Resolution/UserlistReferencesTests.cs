using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Resolution;

/// <summary>`http_auth(L)` naming no userlist; messages from `haproxy -c` (2.6.12).</summary>
public sealed class UserlistReferencesTests
{
    [Fact]
    public void Check_UnknownUserlist_RefusedAtTheRuleLine()
    {
        var result = Parse(Lines("defaults", " mode http", "frontend fe", " bind :8080", " http-request auth if !{ http_auth(nosuch) }"));

        Assert.False(result.IsValid);
        Assert.Contains(
            "[ALERT] parsing [t.cfg:5]: unable to find userlist 'nosuch' referenced in arg 1 of ACL keyword 'http_auth' in proxy 'fe'.",
            result.Messages());
    }

    [Fact]
    public void Check_KnownUserlistDeclaredLater_Accepted()
    {
        var result = Parse(Lines("defaults", " mode http", "frontend fe", " bind :8080", " acl ok http_auth(ul)", " http-request auth unless ok",
            "userlist ul", " user u insecure-password p"));

        Assert.True(result.IsValid, string.Join("\n", result.Messages()));
    }
}
