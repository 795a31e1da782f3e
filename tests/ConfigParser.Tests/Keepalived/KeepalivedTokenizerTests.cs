using ConfigParser.Keepalived.Lexing;

namespace ConfigParser.Tests.Keepalived;

public sealed class KeepalivedTokenizerTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "", [] },
        { "   \t ", [] },
        { "# comment", [] },
        { "! comment", [] },
        { "priority 100", ["priority", "100"] },
        { "  priority\t100  ", ["priority", "100"] },
        { "advert_int 1 ! trailing", ["advert_int", "1"] },
        { "virtual_router_id 5 # trailing", ["virtual_router_id", "5"] },
        { "bogus3#x", ["bogus3"] },
        { "auth_pass a!b", ["auth_pass", "a"] },
        { "auth_pass \"ab#cd\"", ["auth_pass", "ab#cd"] },
        { "script \"/bin/echo a b\"", ["script", "/bin/echo a b"] },
        { "bogus_q \"x y\" z", ["bogus_q", "x y", "z"] },
        { "a\"b c\"d", ["a", "b c", "d"] },
        { "bog\"us1 a", ["bog"] },
        { "bogus5 \"a\\\"b\" c", ["bogus5", "a\"b", "c"] },
        { "bogus6 'a b' c", ["bogus6", "'a", "b'", "c"] },
        { "\"\"", [""] },
        { "vrrp_instance V{", ["vrrp_instance", "V", "{"] },
        { "virtual_ipaddress { 10.1.1.1 }", ["virtual_ipaddress", "{", "10.1.1.1", "}"] },
        { "}", ["}"] },
        { "x \"{ }\"", ["x", "{ }"] },
        { "unterminated \"a b", ["unterminated"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_Line_ReturnsKeepalivedWords(string line, string[] expected)
        => Assert.Equal(expected, KeepalivedTokenizer.Split(line));
}
