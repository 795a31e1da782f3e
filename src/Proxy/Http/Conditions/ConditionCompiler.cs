using ConfigParser.Model.Conditions;
using Proxy.Http.Auth;

namespace Proxy.Http.Conditions;

/// <summary>
/// Compiles a proxy's `if|unless` conditions once, when the runtime is built. Each named ACL resolves to every
/// `acl` line of that name in the proxy, OR-ed (haproxy 2.6 configuration.txt §7.1), and is compiled once.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly ILookup<string, AclDefinition> _acls;
    private readonly Dictionary<string, IRequestPredicate> _named = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, Userlist> _userlists;
    private readonly bool _response;
    private readonly IReadOnlyDictionary<string, Runtime.BackendState>? _backends;

    // Fetches that only exist on one side (haproxy 2.6 SMP_USE_HRQ* / SMP_USE_HRS*): elsewhere an ACL on them never
    // matches (`haproxy -c` warns "will never match").
    private static readonly HashSet<string> RequestOnly = new(StringComparer.Ordinal)
    {
        "url", "path", "query", "method", "base", "url_param", "urlp", "req.ver", "req_ver", "req.hdr", "req.fhdr", "req.hdr_cnt",
        "req.fhdr_cnt", "req.hdr_val", "http_auth", "http_auth_group",
    };

    private static readonly HashSet<string> ResponseOnly = new(StringComparer.Ordinal) { "status", "res.hdr", "shdr", "res.fhdr", "res.hdr_cnt" };

    /// <param name="acls">The proxy's `acl` lines, in order.</param>
    /// <param name="userlists">The configuration's userlists, by name, for `http_auth` and `http_auth_group`.</param>
    /// <param name="response">True for `http-response` conditions: `hdr` reads the response, request-only fetches never match.</param>
    /// <param name="backends">The runtime's backends by name, for `nbsrv(backend)`; filled by the time a request is evaluated.</param>
    public ConditionCompiler(IReadOnlyList<AclDefinition> acls, IReadOnlyDictionary<string, Userlist>? userlists = null, bool response = false,
        IReadOnlyDictionary<string, Runtime.BackendState>? backends = null)
    {
        _backends = backends;
        _acls = acls.ToLookup(a => a.Name, StringComparer.Ordinal);
        _userlists = userlists ?? new Dictionary<string, Userlist>();
        _response = response;
    }

    /// <summary>
    /// The predicate that says whether the rule applies (`unless` already folded in), or null with
    /// <paramref name="unsupported"/> naming the first thing this proxy cannot evaluate.
    /// </summary>
    public IRequestPredicate? Compile(RuleCondition condition, out string? unsupported)
    {
        unsupported = null;
        if (condition.Expression is not OrCondition or)
        {
            unsupported = "a condition this proxy cannot read";
            return null;
        }

        var suites = new IRequestPredicate[or.Suites.Count];
        for (var i = 0; i < suites.Length; i++)
        {
            var terms = new IRequestPredicate[or.Suites[i].Terms.Count];
            for (var j = 0; j < terms.Length; j++)
            {
                var term = or.Suites[i].Terms[j];
                if (Operand(term.Operand, out unsupported) is not { } operand)
                {
                    return null;
                }

                terms[j] = term.Negated ? new NotPredicate(operand) : operand;
            }

            suites[i] = terms.Length == 1 ? terms[0] : new AllPredicate(terms);
        }

        // An empty condition (`if` alone) is false, so `unless` alone always applies.
        IRequestPredicate result = suites.Length switch
        {
            0 => ConstantPredicate.False,
            1 => suites[0],
            _ => new AnyPredicate(suites),
        };
        return condition.IsUnless ? new NotPredicate(result) : result;
    }

    private IRequestPredicate? Operand(AclOperand operand, out string? unsupported)
    {
        unsupported = null;
        switch (operand)
        {
            case AnonymousAcl anonymous:
                return Criterion(anonymous.Criterion, out unsupported);
            case PredefinedAcl { Name: "REQ_CONTENT" }:
                // `req.len gt 0`: in HTTP mode haproxy 2.6 counts the parsed request (start line and headers) as
                // buffered data (src/payload.c smp_fetch_len on HTX), so it always holds here; haproxy 2.6.12
                // routes an empty GET with `use_backend x if REQ_CONTENT` to x. Other `req.len` tests stay unsupported.
                return ConstantPredicate.True;
            case PredefinedAcl predefined:
                var compiled = CriterionCompiler.Compile(predefined.Criterion, out unsupported, _backends);
                unsupported = unsupported is null ? null : $"{unsupported} (predefined ACL '{predefined.Name}')";
                return compiled;
            case AclReference reference:
                return Named(reference.Name, out unsupported);
            default:
                unsupported = $"an ACL operand of kind {operand.GetType().Name}";
                return null;
        }
    }

    private IRequestPredicate? Named(string name, out string? unsupported)
    {
        unsupported = null;
        if (_named.TryGetValue(name, out var known))
        {
            return known;
        }

        var lines = _acls[name].ToArray();
        var parts = new IRequestPredicate[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Criterion is not { } criterion || Criterion(criterion, out unsupported) is not { } part)
            {
                unsupported = $"{unsupported ?? "an unparsed criterion"} (acl '{name}' at {lines[i].Location})";
                return null;
            }

            parts[i] = part;
        }

        var result = parts.Length == 1 ? parts[0] : new AnyPredicate(parts);
        _named[name] = result;
        return result;
    }

    // The authentication fetches need the userlists; every other criterion compiles on its own.
    private IRequestPredicate? Criterion(AclCriterion criterion, out string? unsupported)
    {
        unsupported = null;
        var sample = criterion.Sample;
        if (_response && (sample.Fetch == "hdr" || sample.AclKeyword?.StartsWith("hdr", StringComparison.Ordinal) == true))
        {
            // haproxy 2.6 §7.3.6: `hdr` is `req.hdr` on requests and `res.hdr` on responses.
            sample = sample with { Fetch = sample.Fetch == "hdr" ? "res.hdr" : sample.Fetch.Replace("req.", "res.", StringComparison.Ordinal) };
            criterion = criterion with { Sample = sample };
        }

        if ((_response ? RequestOnly : ResponseOnly).Contains(sample.Fetch))
        {
            return ConstantPredicate.False;
        }

        if (sample.Fetch is not ("http_auth" or "http_auth_group"))
        {
            return CriterionCompiler.Compile(criterion, out unsupported, _backends);
        }

        var name = sample.Arguments.Count > 0 ? sample.Arguments[0].Trim() : "";
        if (sample.Converters.Count > 0 || !_userlists.TryGetValue(name, out var list))
        {
            unsupported = sample.Converters.Count > 0 ? $"converter '{sample.Converters[0].Name}' on fetch '{sample.Fetch}'" : $"fetch '{sample.Fetch}({name})' (no such userlist)";
            return null;
        }

        if (sample.Fetch == "http_auth")
        {
            return new HttpAuthPredicate(list, null);
        }

        var groups = criterion.Patterns.OfType<StringPattern>().Select(p => p.Text).ToArray();
        if (groups.Length != criterion.Patterns.Count || criterion.Match != MatchMethod.Str)
        {
            unsupported = $"match method '-m {criterion.Match.ToString().ToLowerInvariant()}' on fetch '{sample.Fetch}'";
            return null;
        }

        return new HttpAuthPredicate(list, groups);
    }
}
