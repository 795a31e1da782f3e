using ConfigParser.Lexing;

namespace ConfigParser.Tests.Lexing;

/// <summary>
/// The condition language alone: values and the character blamed on error. The full messages, checked against
/// `haproxy -c`, are in ConfigFileReaderTests.Conditions.
/// </summary>
public sealed class ConditionEvaluatorTests
{
    private static readonly Func<string, string?> Environment = name => name == "FOO" ? "bar" : null;

    [Theory]
    [InlineData("", false)]
    [InlineData("1", true)]
    [InlineData("0x10", true)]
    [InlineData("!0", true)]
    [InlineData("0 || 1 && 0", false)]
    [InlineData("0 && 1 || 1", true)]
    [InlineData("!(1 || 0)", false)]
    [InlineData("defined(FOO) && !defined(BAR)", true)]
    [InlineData("streq(a,a) && strneq(a,b)", true)]
    [InlineData("feature(OPENSSL) && version_atleast(2.6) && version_before(2.7)", true)]
    public void Evaluate_ValidCondition_ReturnsItsValue(string condition, bool expected)
    {
        var result = ConditionEvaluator.Evaluate(condition, Environment);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("bad", "unparsable conditional expression 'bad'", 0)]
    [InlineData("1 ||", "unparsable conditional expression '1 ||'", 2)]
    [InlineData("1 &&", "unparsable conditional expression '&&'", 2)]
    [InlineData(" ", "unparsable conditional sub-expression ' '", 0)]
    [InlineData("(1", "expected ')' after conditional expression '(1'", 0)]
    [InlineData("1 2", "unexpected character '2' at the end of conditional expression '1 2'", 2)]
    [InlineData("streq(a)", "missing arguments (got 1/2), type 'string' expected in argument 1 of predicate 'streq' used in conditional expression", 7)]
    public void Evaluate_BadCondition_ReportsHaproxyTextAndPosition(string condition, string error, int index)
    {
        var result = ConditionEvaluator.Evaluate(condition, Environment);

        Assert.Equal(error, result.Error);
        Assert.Equal(index, result.ErrorIndex);
    }

    [Theory]
    [InlineData(340, true)]
    [InlineData(341, false)]
    public void Evaluate_NestedParentheses_StopAtTheRecursionLimit(int depth, bool accepted)
    {
        var result = ConditionEvaluator.Evaluate(new string('(', depth) + "1" + new string(')', depth), Environment);

        Assert.Equal(accepted, result.Error is null);
    }

    [Fact]
    public void Evaluate_ErrorAfterADecidingTerm_IsStillReported()
    {
        var result = ConditionEvaluator.Evaluate("1 || bad", Environment);

        Assert.Equal("unparsable conditional expression 'bad'", result.Error);
    }
}
