using ConfigParser.Diagnostics;

namespace ConfigParser.Tests.Diagnostics;

/// <summary>Collecting diagnostics in order, and the three flags the loader decides with.</summary>
public sealed class DiagnosticBagTests
{
    private static readonly SourceLocation At = new("t.cfg", 1);

    [Fact]
    public void Add_SeveralDiagnostics_KeepsThemInOrder()
    {
        var bag = new DiagnosticBag();

        bag.Warning(At, "first");
        bag.Alert(At, "second");

        Assert.Equal(["first", "second"], bag.Items.Select(d => d.Message));
        Assert.Equal([DiagnosticSeverity.Warning, DiagnosticSeverity.Alert], bag.Items.Select(d => d.Severity));
    }

    [Fact]
    public void Add_WarningsAndAlertsThatAreNotFatal_LeaveTheConfigurationValid()
    {
        var bag = new DiagnosticBag();

        bag.Warning(At, "w");
        bag.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, At, "'maxconn' already specified. Continuing.", Fatal: false));

        Assert.False(bag.HasAlerts);
        Assert.Equal(0, bag.FatalCount);
        Assert.False(bag.HasAbort);
    }

    [Fact]
    public void Add_FatalAlerts_AreCounted()
    {
        var bag = new DiagnosticBag();

        bag.Alert(At, "a");
        bag.Alert(At, "b");

        Assert.True(bag.HasAlerts);
        Assert.Equal(2, bag.FatalCount);
        Assert.False(bag.HasAbort);
    }

    [Fact]
    public void Add_AbortingAlert_SetsHasAbort()
    {
        var bag = new DiagnosticBag();

        bag.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, At, "'frontend' expects an <id> argument", Aborts: true));

        Assert.True(bag.HasAbort);
        Assert.True(bag.HasAlerts);
    }
}
