using ConfigParser.Tests.Support;

namespace ConfigParser.Tests.Lexing;

/// <summary>
/// ".diag/.notice/.warning/.alert", unknown directives and the ${.FILE}/${.LINE}/${.SECTION} pseudo-variables.
/// Each expected value is the stderr of `haproxy -c -f t.cfg` (2.6.12) on the same bytes, after
/// "[LEVEL] (pid) : config : ".
/// </summary>
public sealed partial class ConfigFileReaderTests
{
    [Theory]
    [InlineData("global\n.notice \"FOO is bar\"\n.warning careful\n.diag hidden\n", "[NOTICE] parsing [t.cfg:2]: 'FOO is bar'.\n[WARNING] parsing [t.cfg:3]: 'careful'.")]
    [InlineData("global\n.notice\n.warning\n.diag\n", "[NOTICE] parsing [t.cfg:2]: ''.\n[WARNING] parsing [t.cfg:3]: ''.")]
    [InlineData("global\n.diag a b\n.notice a b c\n.warning \"x y\" z\n.alert a b\n", "[ALERT] parsing [t.cfg:2]: Unexpected argument 'b' for '.diag'. Use quotes if the message should contain spaces.\n[ALERT] parsing [t.cfg:3]: Unexpected argument 'b' for '.notice'. Use quotes if the message should contain spaces.\n[ALERT] parsing [t.cfg:4]: Unexpected argument 'z' for '.warning'. Use quotes if the message should contain spaces.\n[ALERT] parsing [t.cfg:5]: Unexpected argument 'b' for '.alert'. Use quotes if the message should contain spaces.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice a \"\" b\n.notice \"\" b\n", "[NOTICE] parsing [t.cfg:2]: 'a'.\n[ALERT] parsing [t.cfg:3]: Unexpected argument 'b' for '.notice'. Use quotes if the message should contain spaces.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.alert \"bye now\"\n.notice after\nfoo\n", "[ALERT] parsing [t.cfg:2]: 'bye now'.\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("global\n.if 0\n.alert no\n.notice no\n.warning no\n.endif\n.notice yes\n", "[NOTICE] parsing [t.cfg:7]: 'yes'.")]
    [InlineData(".notice \"before any section\"\n", "[NOTICE] parsing [t.cfg:1]: 'before any section'.")]
    [InlineData("global\n.Notice x\n", "[ALERT] parsing [t.cfg:2]: unknown directive '.Notice'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.\n", "[ALERT] parsing [t.cfg:2]: unknown directive '.'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice 'a \"b\" #c'\n", "[NOTICE] parsing [t.cfg:2]: 'a \"b\" #c'.")]
    [InlineData("global\n.notice \"f=${.FILE} l=${.LINE} s=${.SECTION}\"\nfrontend fe\n.notice \"f=${.FILE} l=${.LINE} s=${.SECTION}\"\n", "[NOTICE] parsing [t.cfg:2]: 'f=t.cfg l=2 s=global'.\n[NOTICE] parsing [t.cfg:4]: 'f=t.cfg l=4 s=fe'.\n[WARNING] frontend 'fe' has no 'bind' directive. Please declare it as a backend if this was intended.\n[WARNING] missing timeouts for frontend 'fe'.\n   | While not properly invalid, you will certainly encounter various problems\n   | with such a configuration. To fix this, please ensure that all following\n   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.")]
    [InlineData("global\n.notice \"a=$.LINE b=${.LINE-x} c=${.FILEX}\"\n", "[ALERT] parsing [t.cfg:2]: forbidden first char in environment variable name at position 36:\n  .notice \"a=$.LINE b=${.LINE-x\n                                     ^\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice \"a=${.line}\"\n", "[ALERT] parsing [t.cfg:2]: forbidden first char in environment variable name at position 14:\n  .notice \"a=${.line\n               ^\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice \"a=${.}\"\n", "[ALERT] parsing [t.cfg:2]: forbidden first char in environment variable name at position 14:\n  .notice \"a=${.\n               ^\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice \"a=${.X1}\"\n", "[ALERT] parsing [t.cfg:2]: forbidden first char in environment variable name at position 14:\n  .notice \"a=${.X1\n               ^\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice \"a=${.LINE-x}${.FILE} b=$.LINEx c=${.LINE}x\"\n", "[ALERT] parsing [t.cfg:2]: forbidden first char in environment variable name at position 34:\n  .notice \"a=${.LINE-x\n                                   ^\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice \"a=${.SECTION[*]}\"\n", "[NOTICE] parsing [t.cfg:2]: 'a=global'.")]
    [InlineData("global\n.notice ${.LINE}\n.notice '${.LINE}'\n", "[NOTICE] parsing [t.cfg:2]: '${.LINE}'.\n[NOTICE] parsing [t.cfg:3]: '${.LINE}'.")]
    [InlineData(".notice \"s=${.SECTION}.\"\nfoo\n.notice \"s=${.SECTION}.\"\n", "[NOTICE] parsing [t.cfg:1]: 's=.'.\n[ALERT] parsing [t.cfg:2]: unknown keyword 'foo' out of section.\n[NOTICE] parsing [t.cfg:3]: 's=.'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\nfoo\n.notice \"s=${.SECTION}.\"\n", "[ALERT] parsing [t.cfg:2] : unknown keyword 'foo' in 'global' section\n[NOTICE] parsing [t.cfg:3]: 's=global.'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData(".notice \"${.SECTION-def}\"\n", "[ALERT] parsing [t.cfg:1]: unmatched brace in environment variable name at position 11:\n  .notice \"${.SECTION-def\n            ^\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData(".notice \"a ${.SECTION-def} b\"\n", "[ALERT] parsing [t.cfg:1]: unmatched brace in environment variable name at position 13:\n  .notice \"a ${.SECTION-def\n              ^\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.notice \"${.SECTION-def}\"\n", "[NOTICE] parsing [t.cfg:2]: 'global'.")]
    [InlineData(".notice \"[${.SECTION[*]}]\"\n", "[NOTICE] parsing [t.cfg:1]: '[]'.")]
    [InlineData("defaults\n.notice \"${.SECTION}\"\ndefaults d\n.notice \"${.SECTION}\"\nglobal junk\n.notice \"${.SECTION}\"\n", "[NOTICE] parsing [t.cfg:2]: 'defaults'.\n[NOTICE] parsing [t.cfg:4]: 'd'.\n[ALERT] parsing [t.cfg:5] : 'global' cannot handle unexpected argument 'junk'.\n[NOTICE] parsing [t.cfg:6]: 'junk'.\n[ALERT] Error(s) found in configuration file : t.cfg\n[ALERT] Fatal errors found in configuration.")]
    [InlineData("global\n.if 0\nfrontend fe\n.endif\n.notice \"${.SECTION}\"\n", "[NOTICE] parsing [t.cfg:5]: 'global'.")]
    [InlineData("frontend fe\n.if streq(\"${.SECTION}\",fe)\n.notice yes\n.endif\nbackend be\n.if streq(\"${.SECTION}\",fe)\n.notice no\n.endif\n", "[NOTICE] parsing [t.cfg:3]: 'yes'.\n[WARNING] frontend 'fe' has no 'bind' directive. Please declare it as a backend if this was intended.\n[WARNING] missing timeouts for frontend 'fe'.\n   | While not properly invalid, you will certainly encounter various problems\n   | with such a configuration. To fix this, please ensure that all following\n   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.")]
    [InlineData("global\n.if ${.LINE}\n.notice T\n.endif\n", "[ALERT] parsing [t.cfg:2]: unparsable conditional expression '${.LINE}' in '.if' at position 1:\n  .if ${.LINE}\n      ^\n[ALERT] Error(s) found in configuration file : t.cfg")]
    [InlineData("global\n.if \"${.LINE}\"\n.notice T\n.endif\n.if defined(.LINE)\n.notice D\n.endif\n", "[NOTICE] parsing [t.cfg:3]: 'T'.")]
    public void Read_MessageDirectivesAndPseudoVariables_ReportLikeHaproxy(string text, string expected)
    {
        var result = TestConfig.Parse(text);

        Assert.Equal(expected, string.Join("\n", result.Messages()));
    }

    [Fact]
    public void Read_SectionPseudoVariable_IsTheNameOrElseTheKeywordOfEverySection()
    {
        // haproxy -c printed these notices for the same file (other messages come from the sections themselves).
        var text = string.Concat(new[] { "namespace_list", "ring r", "mailers m", "http-errors h", "resolvers r", "log-forward l", "fcgi-app f",
            "userlist u", "peers p", "program p", "cache c", "listen l", "backend b" }.Select(header => header + "\n.notice \"${.SECTION}\"\n"));
        var (lines, diagnostics) = Read(text);

        Assert.Equal(13, lines.Count);
        Assert.Equal(
            ["namespace_list", "r", "m", "h", "r", "l", "f", "u", "p", "p", "c", "l", "b"],
            diagnostics.Items.Select(d => d.Message.Trim('\'', '.')));
        Assert.Equal("[NOTICE] parsing [t.cfg:2]: 'namespace_list'.", diagnostics.Messages()[0]);
    }
}
