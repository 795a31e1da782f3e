namespace Proxy.Http.Conditions;

/// <summary>Which part of the request line a <see cref="RequestLineFetch"/> returns.</summary>
internal enum RequestLinePart
{
    /// <summary>`url`: the whole request target.</summary>
    Url,
    /// <summary>`path`.</summary>
    Path,
    /// <summary>`query`.</summary>
    Query,
    /// <summary>`method`.</summary>
    Method,
    /// <summary>`req.ver`: "1.0", "1.1", "2.0".</summary>
    Version,
}
