namespace Proxy.Http.LogFormat;

/// <summary>Variable names this proxy stores: `txn.`, `req.`, `res.` and `sess.` scopes (`proc.` is process-wide state it does not keep).</summary>
internal static class VariableName
{
    /// <summary>True when the name's scope is one this proxy evaluates.</summary>
    public static bool IsSupported(string name)
        => name.Length > 4 && (name.StartsWith("txn.", StringComparison.Ordinal) || name.StartsWith("req.", StringComparison.Ordinal)
            || name.StartsWith("res.", StringComparison.Ordinal) || name.StartsWith("sess.", StringComparison.Ordinal));
}
