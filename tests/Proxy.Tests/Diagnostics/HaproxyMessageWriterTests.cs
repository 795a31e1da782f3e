using ConfigParser.Diagnostics;
using Proxy.Diagnostics;

namespace Proxy.Tests.Diagnostics;

public class HaproxyMessageWriterTests
{
    [Theory]
    [InlineData(DiagnosticSeverity.Notice, "[NOTICE]   (42) : config : x")]
    [InlineData(DiagnosticSeverity.Warning, "[WARNING]  (42) : config : x")]
    [InlineData(DiagnosticSeverity.Alert, "[ALERT]    (42) : config : x")]
    public void Write_EachLevel_PadsTagLikeHaproxy(DiagnosticSeverity severity, string expected)
    {
        var output = new StringWriter();

        new HaproxyMessageWriter(output, 42).Write(severity, "x");

        Assert.Equal(expected + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Write_Diagnostic_UsesItsLocationPrefix()
    {
        var output = new StringWriter();
        var diagnostic = new ConfigDiagnostic(DiagnosticSeverity.Alert, new SourceLocation("a.cfg", 13), "unknown keyword 'foo' in 'frontend' section");

        new HaproxyMessageWriter(output, 7).Write(diagnostic);

        Assert.Equal("[ALERT]    (7) : config : parsing [a.cfg:13] : unknown keyword 'foo' in 'frontend' section" + Environment.NewLine, output.ToString());
    }
}
