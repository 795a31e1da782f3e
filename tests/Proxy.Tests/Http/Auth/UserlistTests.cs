using System.Text;
using ConfigParser.Model;
using Proxy.Http.Auth;
using static Proxy.Tests.Http.Conditions.ConditionTestRequests;

namespace Proxy.Tests.Http.Auth;

public class UserlistTests
{
    // crypt("pw", "$6$saltsalt$"), from Python's crypt module (glibc/libxcrypt).
    private const string HashedPw = "$6$saltsalt$pauPrmdmG4BTE9h2HPmywiw152IFch6BJCEsaY6D.PLTfpV8sqvXwWdyfsgVgozkYH9B80bAip/08R2BPH2xk/";

    private static readonly Userlist List = new(new UserlistSection(TestModel.At, "ul",
    [
        new UserDefinition(TestModel.At, "bob", "secret", true, ["admins"]),
        new UserDefinition(TestModel.At, "al", HashedPw, false, []),
        new UserDefinition(TestModel.At, "nopass", null, false, []),
    ], ["admins"]));

    private static string Basic(string credentials) => "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Theory]
    [InlineData("bob:secret", "bob")]
    [InlineData("al:pw", "al")]
    [InlineData("al:wrong", null)]
    [InlineData("bob:Secret", null)]
    [InlineData("nopass:", null)]
    [InlineData("nobody:x", null)]
    [InlineData("no-colon", null)]
    public void Authenticate_Credentials_AcceptedOnlyWhenRight(string credentials, string? user)
        => Assert.Equal(user, List.Authenticate(Request(headers: Basic(credentials)))?.Name);

    [Fact]
    public void Authenticate_CryptPasswordTwice_SameAnswerFromTheCache()
    {
        var first = List.Authenticate(Request(headers: Basic("al:pw")));
        var second = List.Authenticate(Request(headers: Basic("al:pw")));
        var wrong = List.Authenticate(Request(headers: Basic("al:px")));

        Assert.Equal(("al", "al", null), (first?.Name, second?.Name, wrong?.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Authorization: Bearer abc")]
    [InlineData("Authorization: Basic !!!")]
    public void Authenticate_NoBasicCredentials_Refused(string headers)
        => Assert.Null(List.Authenticate(Request(headers: headers)));

    [Theory]
    [InlineData("bob:secret", true)]
    [InlineData("al:pw", false)]
    public void HttpAuthGroup_Member_MatchesOnlyForGroupMembers(string credentials, bool expected)
        => Assert.Equal(expected, new HttpAuthPredicate(List, ["admins"]).Matches(Request(headers: Basic(credentials))));
}
