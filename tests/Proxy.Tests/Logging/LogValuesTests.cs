using System.Net;
using System.Text;
using Proxy.Logging;

namespace Proxy.Tests.Logging;

public class LogValuesTests
{
    [Theory]
    [InlineData(null, false, "-")]
    [InlineData("", true, "\"\"")]
    [InlineData("GET", true, "\"GET\"")]
    public void AppendText_ValueAndQuote_AsHaproxy(string? value, bool quote, string expected)
    {
        var output = new StringBuilder();

        LogValues.AppendText(output, new LogNode(LogNodeKind.Literal, "", Quote: quote), value);

        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void AppendDate_Moment_DayMonthYearTimeAndMilliseconds()
    {
        var output = new StringBuilder();

        LogValues.AppendDate(output, new DateTimeOffset(2026, 11, 22, 8, 5, 3, 7, TimeSpan.Zero));

        Assert.Equal("22/Nov/2026:08:05:03.007", output.ToString());
    }

    [Fact]
    public void AppendIp_MappedAddress_PrintedAsIPv4()
    {
        var output = new StringBuilder();

        LogValues.AppendIp(output, new LogNode(LogNodeKind.Literal, ""), new IPEndPoint(IPAddress.Parse("::ffff:192.0.2.1"), 80));

        Assert.Equal("192.0.2.1", output.ToString());
    }
}
