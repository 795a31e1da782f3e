using System.Text;
using Proxy.Logging;

namespace Proxy.Tests.Logging;

/// <summary>Headers as haproxy 2.6.12 framed them (captured from a real haproxy logging to UDP listeners).</summary>
public sealed class SyslogHeaderTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 22, 5, 25, 7, 319, TimeSpan.Zero).AddTicks(5720);

    [Theory]
    [InlineData("unset", null, "<134>Nov 22 05:25:07 haproxy[17848]: ")]
    [InlineData("local", "ignored", "<134>Nov 22 05:25:07 haproxy[17848]: ")]
    [InlineData("unset", "", "<134>Nov 22 05:25:07 localhost haproxy[17848]: ")]
    [InlineData("rfc3164", null, "<134>Nov 22 05:25:07 localhost haproxy[17848]: ")]
    [InlineData("rfc3164", "lb1", "<134>Nov 22 05:25:07 lb1 haproxy[17848]: ")]
    [InlineData("rfc5424", null, "<134>1 2026-11-22T05:25:07.319572+00:00 - haproxy 17848 - - ")]
    [InlineData("rfc5424", "lb1", "<134>1 2026-11-22T05:25:07.319572+00:00 lb1 haproxy 17848 - - ")]
    [InlineData("short", null, "<6>")]
    [InlineData("raw", null, "")]
    [InlineData("priority", null, "<134>")]
    [InlineData("timed", null, "<6>2026-11-22T05:25:07.319572+00:00 ")]
    [InlineData("iso", null, "2026-11-22T05:25:07.319572+00:00 ")]
    public void Append_EachFormat_MatchesHaproxy(string format, string? hostname, string expected)
    {
        var output = new StringBuilder();

        SyslogHeader.Append(output, SyslogHeader.Parse(format), SyslogCodes.Facility("local0"), SyslogCodes.Info, Now, hostname, "localhost", "haproxy", 17848);

        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void Append_SingleDigitDay_PadsWithSpace()
    {
        var output = new StringBuilder();

        SyslogHeader.Append(output, SyslogFormat.Local, SyslogCodes.Facility("local2"), SyslogCodes.Notice, new DateTimeOffset(2026, 2, 6, 12, 14, 14, TimeSpan.Zero), null, "h", "web", 1);

        Assert.Equal("<149>Feb  6 12:14:14 web[1]: ", output.ToString());
    }

    [Fact]
    public void Parse_Names_GiveFormats()
    {
        Assert.Equal(SyslogFormat.Rfc5424, SyslogHeader.Parse("rfc5424"));
        Assert.Equal(SyslogFormat.Short, SyslogHeader.Parse("short"));
        Assert.Equal(SyslogFormat.Unspecified, SyslogHeader.Parse(null));
    }
}
