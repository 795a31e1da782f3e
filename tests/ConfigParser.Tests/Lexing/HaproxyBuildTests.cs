using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>
/// The build we claim for ".if" conditions. Expected values are what haproxy 2.6.12 (Debian 2.6.12-1+deb12u4)
/// answered for `.if version_atleast(V)` / `.if feature(F)`.
/// </summary>
public sealed class HaproxyBuildTests
{
    [Theory]
    [InlineData("2.6.12", 0)]
    [InlineData("2.6.12.0", 0)]
    [InlineData("2.6.12-1+deb12u4", 0)]
    [InlineData("2.6", -1)]
    [InlineData("2.6-dev1", -1)]
    [InlineData("2.6.12-rc1", -1)]
    [InlineData("2..6", -1)]
    [InlineData("2.6.13", 1)]
    [InlineData("2.6.12.1", 1)]
    [InlineData("2.6.12-1", 1)]
    [InlineData("3", 1)]
    [InlineData("-1", 1)]
    [InlineData("abc", -3)]
    [InlineData("", -3)]
    [InlineData("2.6x", -3)]
    [InlineData("2.6.12-x-", -3)]
    public void CompareVersion_Version_ComparesLikeSplitVersion(string version, int expected)
    {
        Assert.Equal(expected, HaproxyBuild.CompareVersion(version));
    }

    [Theory]
    [InlineData("OPENSSL", true)]
    [InlineData("PCRE2", true)]
    [InlineData("EPOLL", true)]
    [InlineData("PCRE", false)]
    [InlineData("QUIC", false)]
    [InlineData("51DEGREES", false)]
    [InlineData("SSL", false)]
    [InlineData("+OPENSSL", false)]
    [InlineData("OPENSSL ", false)]
    [InlineData("OPENSSL +OT", true)]
    [InlineData("", true)]
    public void HasFeature_Name_AnswersLikeTheReferenceBuild(string name, bool expected)
    {
        Assert.Equal(expected, HaproxyBuild.HasFeature(name));
    }
}
