using ConfigParser.Diagnostics;

namespace ConfigParser.Tests.Diagnostics;

/// <summary>The four ways HAProxy 2.6 writes a location in front of a message, each seen in `haproxy -c` output.</summary>
public sealed class ConfigDiagnosticTests
{
    private static readonly SourceLocation At = new("a.cfg", 13);

    [Theory]
    [InlineData(LocationPrefix.Parsing, "parsing [a.cfg:13] : unknown keyword 'foo' in 'frontend' section")]
    [InlineData(LocationPrefix.ParsingTight, "parsing [a.cfg:13]: unknown keyword 'foo' in 'frontend' section")]
    [InlineData(LocationPrefix.Bracket, "[a.cfg:13] : unknown keyword 'foo' in 'frontend' section")]
    [InlineData(LocationPrefix.ParsingCapital, "Parsing [a.cfg:13]: unknown keyword 'foo' in 'frontend' section")]
    public void Text_WithLocation_UsesItsPrefix(LocationPrefix prefix, string expected)
    {
        var diagnostic = new ConfigDiagnostic(DiagnosticSeverity.Alert, At, "unknown keyword 'foo' in 'frontend' section", Prefix: prefix);

        Assert.Equal(expected, diagnostic.Text);
    }

    [Fact]
    public void Text_WithoutLocation_IsTheMessageAlone()
    {
        var diagnostic = new ConfigDiagnostic(DiagnosticSeverity.Alert, null, "Fatal errors found in configuration.");

        Assert.Equal("Fatal errors found in configuration.", diagnostic.Text);
    }

    [Theory]
    [InlineData(DiagnosticSeverity.Alert, true, true)]
    [InlineData(DiagnosticSeverity.Alert, false, false)]
    [InlineData(DiagnosticSeverity.Warning, true, false)]
    [InlineData(DiagnosticSeverity.Notice, true, false)]
    public void IsFatal_OnlyAlertsMarkedFatal_InvalidateTheFile(DiagnosticSeverity severity, bool fatal, bool expected)
    {
        Assert.Equal(expected, new ConfigDiagnostic(severity, At, "m", Fatal: fatal).IsFatal);
    }
}
