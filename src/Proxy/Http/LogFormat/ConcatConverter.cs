namespace Proxy.Http.LogFormat;

/// <summary>
/// `concat([START][,VAR][,END])` with constant text only (haproxy 2.6 configuration.txt §7.3.1): START then END are
/// appended after the sample (`map(f),concat(-relay)` gives "/// appended to the sample. A variablelt;value/// appended to the sample. A variablegt;-relay"). A variable in the middle needs the transaction and is not supported here.
/// </summary>
internal sealed class ConcatConverter(string start, string end) : ISampleConverter
{
    /// <summary>The converter, or null when it names a variable or has more than three arguments.</summary>
    public static ConcatConverter? Create(IReadOnlyList<string> args)
        => args.Count <= 3 && (args.Count < 2 || args[1].Length == 0)
            ? new ConcatConverter(args.Count > 0 ? args[0] : "", args.Count > 2 ? args[2] : "")
            : null;

    public string? Convert(string value) => string.Concat(value, start, end);
}
