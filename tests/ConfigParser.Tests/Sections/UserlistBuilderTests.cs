using ConfigParser.Model;
using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>`userlist` sections: users, groups from both directions, and `haproxy -c` (2.6.12)'s messages.</summary>
public sealed class UserlistBuilderTests
{
    [Fact]
    public void Build_UsersAndGroups_JoinsMembershipFromBothSides()
    {
        var result = Parse(Lines(
            "userlist ul",
            " group admins users bob",
            " group ops",
            " user bob insecure-password secret",
            " user al password $6$s$hash groups ops,admins",
            " user carl"));

        Assert.DoesNotContain(result.Messages(), m => m.StartsWith("[ALERT]", StringComparison.Ordinal));
        var list = Assert.Single(result.Config!.Userlists);
        Assert.Equal("ul", list.Name);
        Assert.Equal(["admins", "ops"], list.Groups);
        Assert.Equal(
            [("bob", "secret", true, "admins"), ("al", "$6$s$hash", false, "ops,admins"), ("carl", null, false, "")],
            list.Users.Select(u => (u.Name, u.Password, u.Insecure, string.Join(",", u.Groups))));
    }

    [Theory]
    [InlineData(" user bob foo x", "[ALERT] parsing [t.cfg:2]: 'user' only supports 'password', 'insecure-password' and 'groups' options.")]
    [InlineData(" group g foo", "[ALERT] parsing [t.cfg:2]: 'group' only supports 'users' option.")]
    [InlineData(" group", "[ALERT] parsing [t.cfg:2]: 'group' expects <name> as arguments.")]
    [InlineData(" user", "[ALERT] parsing [t.cfg:2]: 'user' expects <name> as arguments.")]
    [InlineData(" user bob insecure-password x groups g", "[ALERT] userlist 'u': no such group 'g' specified in user 'bob'")]
    [InlineData(" bogus", "[ALERT] parsing [t.cfg:2]: unknown keyword 'bogus' in 'users' section")]
    public void Parse_BadLine_ReportsHaproxyMessage(string line, string expected)
    {
        var result = Parse(Lines("userlist u", line));

        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Messages());
    }

    [Fact]
    public void Parse_Duplicates_FirstKeptWithHaproxyWarnings()
    {
        var result = Parse(Lines("userlist u", " user bob insecure-password x", " user bob insecure-password y", "userlist u"));

        Assert.Contains("[WARNING] parsing [t.cfg:3]: ignoring duplicated user 'bob' in userlist 'u'.", result.Messages());
        Assert.Contains("[WARNING] parsing [t.cfg:4]: ignoring duplicated userlist 'u'.", result.Messages());
        Assert.Equal("x", Assert.Single(Assert.Single(result.Config!.Userlists).Users).Password);
    }
}
