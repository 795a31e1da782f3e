using ConfigParser.Keepalived.Lexing;

namespace ConfigParser.Tests.Keepalived;

public sealed class KeepalivedDefinitionsTests
{
    public static TheoryData<string, bool, string, string> DefinitionCases => new()
    {
        { "$IFACE=eth0", true, "IFACE", "eth0" },
        { "$PRI= 101 ", true, "PRI", "101" },
        { "$E=", true, "E", "" },
        { "$MULTI=a \\", true, "MULTI", "a \\" },
        { "$=x", false, "", "" },
        { "$A B=x", false, "", "" },
        { "priority $PRI", false, "", "" },
    };

    public static TheoryData<string, string> ExpansionCases => new()
    {
        { "interface $IFACE", "interface eth0" },
        { "priority ${PRI}", "priority 101" },
        { "bogus_a${PRI}x", "bogus_a101x" },
        { "bogus$PRIx", "bogus$PRIx" },
        { "$UNDEFINED", "$UNDEFINED" },
        { "bogus_${UNSET}z", "bogus_${UNSET}z" },
        { "at $_INSTANCE in $_PWD", "at vm in /etc/keepalived" },
        { "no dollar", "no dollar" },
        { "$", "$" },
        { "${", "${" },
    };

    [Theory]
    [MemberData(nameof(DefinitionCases))]
    public void TryParseDefinition_Line_ReturnsNameAndValue(string line, bool expected, string name, string value)
    {
        Assert.Equal(expected, KeepalivedDefinitions.TryParseDefinition(line, out var n, out var v));
        Assert.Equal(name, n);
        Assert.Equal(value, v);
    }

    [Theory]
    [MemberData(nameof(ExpansionCases))]
    public void Expand_Line_SubstitutesDefinedNamesOnly(string line, string expected)
    {
        var definitions = new KeepalivedDefinitions("vm", "/etc/keepalived");
        definitions.Define("IFACE", "eth0");
        definitions.Define("PRI", "101");
        Assert.Equal(expected, definitions.Expand(line));
    }

    [Fact]
    public void Expand_RedefinedName_UsesLatestValue()
    {
        var definitions = new KeepalivedDefinitions("vm", "/");
        definitions.Define("X", "1");
        definitions.Define("X", "2");
        Assert.Equal("2", definitions.Expand("$X"));
    }
}
