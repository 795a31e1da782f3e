using Proxy.Http.LogFormat;

namespace Proxy.Tests.Http.Rules;

/// <summary>Compiles log-format text for action tests, failing the test when it does not compile.</summary>
internal static class RuleTestSupport
{
    public static LogFormatExpression Format(string text, bool response = false)
    {
        var format = LogFormatCompiler.Compile(text, out var unsupported, response);
        Assert.True(format is not null, unsupported);
        return format;
    }

    /// <summary>Header names and values in enumeration order, one "name: value" per line.</summary>
    public static string Describe(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
        => string.Join("|", headers.Select(h => $"{h.Key}: {h.Value}"));
}
