using Proxy.Health;
using Proxy.Runtime;

namespace Proxy.Tests.Health;

public class AgentReplyTests
{
    // Expected values as "health|admin|percent|maxconn|reason". The well-formed lines were sent to haproxy 2.6.12 and acted
    // on as shown; malformed numbers ("50.5%", "maxconn:x") are this parser's choice: ignored as unknown words.
    [Theory]
    [InlineData("up\n", "up||||")]
    [InlineData("down\n", "down||||")]
    [InlineData("fail\n", "fail||||")]
    [InlineData("stopped\n", "stopped||||")]
    [InlineData("DOWN\n", "DOWN||||")]
    [InlineData("ready\n", "|Ready|||")]
    [InlineData("drain\n", "|Drain|||")]
    [InlineData("MAINT\n", "|Maint|||")]
    [InlineData("75%\n", "||75||")]
    [InlineData("0%", "||0||")]
    [InlineData("maxconn:30\n", "|||30|")]
    [InlineData("maxconn:7 75%\n", "||75|7|")]
    [InlineData("drain 60%\n", "|Drain|60||")]
    [InlineData("DOWN,50%\n", "DOWN||50||")]
    [InlineData("up drain\n", "up|Drain|||")]
    [InlineData("down maint\n", "down|Maint|||")]
    [InlineData("up ready\r\n", "up|Ready|||")]
    [InlineData("down up\n", "up||||")]
    [InlineData("fail # x y\n", "fail||||x y")]
    [InlineData("up # c1 # c2\n", "up||||c1 # c2")]
    [InlineData("stopped   #   spaced  \n", "stopped||||spaced  ")]
    [InlineData("down\tx\n", "down||||x")]
    [InlineData("down x y\n", "down||||x")]
    [InlineData("down x # c\n", "down||||c")]
    [InlineData("x,down\n", "down||||x")]
    [InlineData("down , #\n", "down||||")]
    [InlineData("fail#reason here\n", "||||fail#reason")]
    [InlineData("junk 40%\n", "||40||junk")]
    [InlineData("garbage\n", "||||garbage")]
    [InlineData("\n", "||||")]
    [InlineData("# only comment\n", "||||only comment")]
    [InlineData("50.5%\n", "||||50.5%")]
    [InlineData("%\n", "||||%")]
    [InlineData("maxconn:x\n", "||||maxconn:x")]
    [InlineData("up\ndown\n", "up||||")]
    public void Parse_Line_Words(string line, string expected)
    {
        var reply = AgentReply.Parse(line);

        Assert.Equal(expected, $"{reply.Health}|{reply.Admin}|{reply.Percent}|{reply.MaxConn}|{reply.Reason}");
    }

    [Theory]
    [InlineData("down\n", "via agent : down")]
    [InlineData("fail # x\n", "via agent : fail (x)")]
    [InlineData("down x\n", "via agent : down (x)")]
    public void Info_HealthWord_HaproxyText(string line, string expected)
    {
        Assert.Equal(expected, AgentReply.Parse(line).Info);
    }

    [Theory]
    [InlineData("up", true)]
    [InlineData("UP", true)]
    [InlineData("down", false)]
    [InlineData("stopped", false)]
    public void IsUp_HealthWord(string word, bool expected)
    {
        Assert.Equal(expected, AgentReply.Parse(word).IsUp);
    }

    // Captured from haproxy 2.6.12 `show servers state` (srv_uweight) for a server of weight 10.
    [Theory]
    [InlineData(10, 50, 5)]
    [InlineData(10, 5, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 100, 10)]
    [InlineData(10, 150, 15)]
    [InlineData(10, 75, 7)]
    [InlineData(10, 3000, ServerState.MaxWeight)]
    public void WeightFor_Percent_RoundedDownAndCapped(int initial, int percent, int expected)
    {
        Assert.Equal(expected, AgentReply.WeightFor(initial, percent));
    }
}
