using static ConfigParser.Tests.Support.TestConfig;

namespace ConfigParser.Tests.Sections;

/// <summary>
/// Section headers, defaults inheritance, listen split in two and proxy names, through the loader. Every
/// expected message list is what `haproxy -c -f t.cfg` printed for the same text (pid and level padding removed).
/// </summary>
public sealed partial class HaproxyConfigParserTests
{
    private const string ErrorsInFile = "[ALERT] Error(s) found in configuration file : t.cfg";
    private const string FatalErrors = "[ALERT] Fatal errors found in configuration.";

    [Fact]
    public void ParseFile_KeywordBeforeAnySection_IsOutOfSection()
    {
        var result = Parse(Lines("maxconn 1", "global", "  maxconn 2"));

        Assert.Equal(["[ALERT] parsing [t.cfg:1]: unknown keyword 'maxconn' out of section.", ErrorsInFile, FatalErrors], result.Messages());
    }

    [Fact]
    public void ParseFile_GlobalWithArgument_ReportsItAndStillOpensGlobal()
    {
        var result = Parse(Lines("global foo", "  maxconn 10"));

        Assert.Equal(["[ALERT] parsing [t.cfg:1] : 'global' cannot handle unexpected argument 'foo'.", ErrorsInFile, FatalErrors], result.Messages());
    }

    [Theory]
    [InlineData("frontend")]
    [InlineData("backend")]
    [InlineData("listen")]
    public void ParseFile_ProxyWithoutName_AbortsTheFile(string keyword)
    {
        var result = Parse(Lines(keyword, "  foo", "backend be", "  bar"));

        // Nothing after the header is read, and the closing "Fatal errors" line is not printed.
        Assert.Equal([$"[ALERT] parsing [t.cfg:1] : '{keyword}' expects an <id> argument", ErrorsInFile], result.Messages());
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ParseFile_BadCharacterInProxyName_StillOpensTheSection()
    {
        var result = Parse(Lines("frontend a/b", "  bind :8080", "  timeout client 5s"));

        Assert.Equal(["[ALERT] parsing [t.cfg:1] : character '/' is not permitted in 'frontend' name 'a/b'.", ErrorsInFile, FatalErrors],
            result.Messages());
    }

    [Fact]
    public void ParseFile_ListenAddressOnTheHeader_AlertsWithoutFailingAndOpensNoProxy()
    {
        // An old-style "frontend fe :80" alone leaves a valid file with no proxy; keywords after it have no proxy.
        Assert.Equal(["[ALERT] parsing [t.cfg:1] : please use the 'bind' keyword for listening addresses."], Parse(Lines("frontend fe extra")).Messages());
        Assert.Empty(Parse(Lines("frontend fe extra")).Config!.Frontends);

        var result = Parse(Lines("frontend fe x", "  bind :8080", "  foo"));

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:1] : please use the 'bind' keyword for listening addresses.",
            "[ALERT] parsing [t.cfg:2] : 'listen' or 'defaults' expected.",
            "[ALERT] parsing [t.cfg:3] : 'listen' or 'defaults' expected.",
            ErrorsInFile,
            FatalErrors,
        ], result.Messages());
    }

    [Fact]
    public void ParseFile_BackendWithExtraArgument_IsSilentlyNotCreated()
    {
        var result = Parse(Lines("backend be extra"));

        Assert.Empty(result.Messages());
        Assert.Empty(result.Config!.Backends);
    }

    [Fact]
    public void ParseFile_ArgumentAfterFromDefaults_ReportsBothAlerts()
    {
        var result = Parse(Lines("defaults d", "  timeout client 5s", "frontend fe from d extra", "  bind :8080"));

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:3] : 'frontend' cannot handle unexpected argument 'extra'.",
            "[ALERT] parsing [t.cfg:3] : please use the 'bind' keyword for listening addresses.",
            "[ALERT] parsing [t.cfg:4] : 'listen' or 'defaults' expected.",
            ErrorsInFile,
            FatalErrors,
        ], result.Messages());
    }

    [Theory]
    [InlineData("listen li from nope", "[ALERT] parsing [t.cfg:1] : defaults section 'nope' not found for proxy 'li'.")]
    [InlineData("backend be from d", "[ALERT] parsing [t.cfg:1] : defaults section 'd' not found for backend 'be'.")]
    [InlineData("defaults from d", "[ALERT] parsing [t.cfg:1] : defaults section 'd' not found for defaults ''.")]
    [InlineData("defaults d from d2 extra", "[ALERT] parsing [t.cfg:1] : defaults section 'd2' not found for defaults 'd'.")]
    public void ParseFile_UnknownDefaultsSection_Aborts(string header, string expected)
    {
        Assert.Equal([expected, ErrorsInFile], Parse(Lines(header, "  foo")).Messages());
    }

    [Fact]
    public void ParseFile_TooManyHeaderArguments_AreCheckedBeforeTheDefaultsName()
    {
        var result = Parse(Lines("backend be from d extra"));

        Assert.Equal(["[ALERT] parsing [t.cfg:1] : 'backend' cannot handle unexpected argument 'extra'.", ErrorsInFile, FatalErrors],
            result.Messages());
    }

    [Fact]
    public void ParseFile_DefaultsNameWithBadCharacter_IsOnlyRefusedWhenNamedInFrom()
    {
        Assert.Empty(Parse(Lines("defaults a/b", "  timeout client 5s", "frontend fe", "  bind :80")).Messages());

        var result = Parse(Lines("defaults a/b", "frontend fe from a/b", "  bind :80"));

        Assert.Equal(
        [
            "[ALERT] parsing [t.cfg:2] : character '/' is not permitted in defaults section name 'a/b' when designated by its name (section found at t.cfg:1).",
            ErrorsInFile,
            FatalErrors,
        ], result.Messages());
    }

    [Theory]
    [InlineData(new[] { "defaults d", "defaults d", "defaults d", "frontend fe from d", "  bind :80" },
        "[ALERT] parsing [t.cfg:4] : ambiguous defaults section name 'd' referenced by frontend 'fe' exists at least at t.cfg:1 and t.cfg:2.")]
    [InlineData(new[] { "defaults d", "defaults x", "defaults d", "backend be from d" },
        "[ALERT] parsing [t.cfg:4] : ambiguous defaults section name 'd' referenced by backend 'be' exists at least at t.cfg:1 and t.cfg:3.")]
    public void ParseFile_FromAnAmbiguousDefaultsName_IsAnError(string[] lines, string expected)
    {
        Assert.Equal([expected, ErrorsInFile, FatalErrors], Parse(Lines(lines)).Messages());
    }

    [Fact]
    public void ParseFile_RedefinedDefaultsNotReferencedAfterwards_IsAccepted()
    {
        var result = Parse(Lines("defaults d", "  timeout client 5s", "frontend fe from d", "  bind :8080", "defaults d", "  timeout client 6s"));

        Assert.Empty(result.Messages());
    }

    [Theory]
    [InlineData(new[] { "frontend fe", "  bind :8080", "frontend fe", "  bind :8081" },
        "[ALERT] Parsing [t.cfg:3]: frontend 'fe' has the same name as frontend 'fe' declared at t.cfg:1.")]
    [InlineData(new[] { "listen be", "  bind :8080", "backend be" },
        "[ALERT] Parsing [t.cfg:3]: backend 'be' has the same name as proxy 'be' declared at t.cfg:1.")]
    [InlineData(new[] { "backend be", "frontend be", "listen be", "  bind :80" },
        "[ALERT] Parsing [t.cfg:3]: proxy 'be' has the same name as frontend 'be' declared at t.cfg:2.")]
    [InlineData(new[] { "backend be", "listen be", "  bind :8082", "frontend be", "  bind :8083" },
        "[ALERT] Parsing [t.cfg:4]: frontend 'be' has the same name as proxy 'be' declared at t.cfg:2.")]
    public void ParseFile_ProxiesSharingASide_CannotShareAName(string[] lines, string expected)
    {
        Assert.Equal([expected, ErrorsInFile, FatalErrors], Parse(Lines(lines)).Messages());
    }

    [Fact]
    public void ParseFile_SeveralGlobalSections_AreMerged()
    {
        var result = Parse(Lines("global", "  maxconn 10", "global", "  daemon"));

        Assert.Equal((10, true), (result.Config!.Global.MaxConn, result.Config.Global.Daemon));
    }

    [Fact]
    public void ParseFile_FrontendAndBackendWithTheSameName_AreAccepted()
    {
        var result = Parse(Lines("defaults", "  timeout client 5s", "  timeout connect 5s", "  timeout server 5s",
            "frontend app", "  bind :8080", "  default_backend app", "backend app", "  server s1 127.0.0.1:80"));

        Assert.Empty(result.Messages());
        Assert.Equal("app", result.Config!.Frontends.Single().DefaultBackend!.Name);
        Assert.Equal("app", result.Config.Backends.Single().Name);
    }
}
