using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>setenv, presetenv, unsetenv and resetenv over an injected environment that is never modified.</summary>
public sealed class EnvironmentOverlayTests
{
    private static readonly Func<string, string?> Base = name => name switch
    {
        "HOME" => "/root",
        "A" => "a=b=c",
        _ => null,
    };

    [Fact]
    public void Set_Overwrite_ReplacesTheValue()
    {
        var overlay = new EnvironmentOverlay(Base);

        overlay.Set("HOME", "/x", overwrite: true);

        Assert.Equal("/x", overlay.Get("HOME"));
        Assert.Equal("/root", Base("HOME"));
    }

    [Fact]
    public void Set_WithoutOverwrite_KeepsAnExistingValue()
    {
        var overlay = new EnvironmentOverlay(Base);

        overlay.Set("HOME", "/x", overwrite: false);
        overlay.Set("NEW", "n", overwrite: false);

        Assert.Equal("/root", overlay.Get("HOME"));
        Assert.Equal("n", overlay.Get("NEW"));
    }

    [Fact]
    public void Unset_HidesTheInjectedValue()
    {
        var overlay = new EnvironmentOverlay(Base);

        overlay.Unset("HOME");

        Assert.Null(overlay.Get("HOME"));
    }

    [Fact]
    public void ResetKeeping_Names_KeepsOnlyThoseThatAreSet()
    {
        var overlay = new EnvironmentOverlay(Base);
        overlay.Set("X", "1", overwrite: true);

        overlay.ResetKeeping(["X", "NOPE"]);

        Assert.Equal("1", overlay.Get("X"));
        Assert.Null(overlay.Get("HOME"));
        Assert.Null(overlay.Get("NOPE"));
    }

    [Theory]
    [InlineData("A=a=b", "a=b=c")]
    [InlineData("A=a", "a=b=c")]
    [InlineData("A=a=b=c", null)]
    public void ResetKeeping_WordWithEquals_MatchesTheStartOfTheEntry(string word, string? expected)
    {
        // haproxy -c: "setenv A a=b=c" then "resetenv A=a=b" kept A.
        var overlay = new EnvironmentOverlay(Base);

        overlay.ResetKeeping([word]);

        Assert.Equal(expected, overlay.Get("A"));
    }
}
