namespace ConfigParser.Model.Conditions;

/// <summary>
/// Where a sample fetch may be used (include/haproxy/sample-t.h `SMP_VAL_*`), in the column order of
/// `haproxy -dKsmp`. A rule passes the context it evaluates in; an ACL whose fetches are all invalid there
/// "will never match" (a warning in HAProxy 2.6).
/// </summary>
[Flags]
public enum SampleContexts
{
    /// <summary>No context.</summary>
    None = 0,

    /// <summary>"frontend tcp-request connection rule".</summary>
    FrontendTcpRequestConnection = 1 << 0,

    /// <summary>"frontend tcp-request session rule".</summary>
    FrontendTcpRequestSession = 1 << 1,

    /// <summary>"frontend tcp-request content rule".</summary>
    FrontendTcpRequestContent = 1 << 2,

    /// <summary>"frontend http-request header rule".</summary>
    FrontendHttpRequestHeader = 1 << 3,

    /// <summary>"frontend http-request body rule".</summary>
    FrontendHttpRequestBody = 1 << 4,

    /// <summary>"frontend use-backend rule".</summary>
    FrontendUseBackend = 1 << 5,

    /// <summary>"backend tcp-request content rule".</summary>
    BackendTcpRequestContent = 1 << 6,

    /// <summary>"backend http-request header rule".</summary>
    BackendHttpRequestHeader = 1 << 7,

    /// <summary>"backend http-request body rule".</summary>
    BackendHttpRequestBody = 1 << 8,

    /// <summary>"backend use-server, balance or stick-match rule".</summary>
    BackendUseServer = 1 << 9,

    /// <summary>"server source selection".</summary>
    ServerSourceSelection = 1 << 10,

    /// <summary>"backend tcp-response content rule".</summary>
    BackendTcpResponseContent = 1 << 11,

    /// <summary>"backend http-response header rule".</summary>
    BackendHttpResponseHeader = 1 << 12,

    /// <summary>"backend http-response body rule".</summary>
    BackendHttpResponseBody = 1 << 13,

    /// <summary>"backend stick-store rule".</summary>
    BackendStickStore = 1 << 14,

    /// <summary>"frontend tcp-response content rule".</summary>
    FrontendTcpResponseContent = 1 << 15,

    /// <summary>"frontend http-response header rule".</summary>
    FrontendHttpResponseHeader = 1 << 16,

    /// <summary>"frontend http-response body rule".</summary>
    FrontendHttpResponseBody = 1 << 17,

    /// <summary>"logs".</summary>
    Logs = 1 << 18,

    /// <summary>"backend tcp-check rule".</summary>
    BackendTcpCheck = 1 << 19,

    /// <summary>"configuration parser".</summary>
    ConfigurationParser = 1 << 20,

    /// <summary>"CLI parser".</summary>
    Cli = 1 << 21,
}
