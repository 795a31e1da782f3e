using ConfigParser.Model.Conditions;

namespace Proxy.Http.Conditions;

/// <summary>The integer and boolean fetches this proxy evaluates, by haproxy 2.6 keyword.</summary>
internal static class IntegerFetches
{
    private static readonly ConstantFetch One = new(1);
    private static readonly ConstantFetch Zero = new(0);

    /// <summary>The fetch, or null when the keyword is not a supported integer or boolean fetch.</summary>
    public static IIntegerFetch? Create(SampleExpression sample, IReadOnlyDictionary<string, Runtime.BackendState>? backends = null) => sample.Fetch switch
    {
        "nbsrv" when backends is not null && StringFetches.Argument(sample, 0) is { Length: > 0 } backend => new UsableServersFetch(backend, backends),
        "always_true" or "req.proto_http" or "req_proto_http" or "wait_end" => One,
        "always_false" => Zero,
        "src_port" => new PortFetch(source: true),
        "status" => StatusFetch.Instance,
        "dst_port" => new PortFetch(source: false),
        "hdr_cnt" or "req.hdr_cnt" when StringFetches.Argument(sample, 0) is { Length: > 0 } name => new HeaderCountFetch(name, splitCommas: true),
        "req.fhdr_cnt" when StringFetches.Argument(sample, 0) is { Length: > 0 } name => new HeaderCountFetch(name, splitCommas: false),
        _ => TlsFetches.Integer(sample),
    };
}
