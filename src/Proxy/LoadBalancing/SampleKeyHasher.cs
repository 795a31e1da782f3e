using ConfigParser.Model.Conditions;
using Proxy.Http.Conditions;

namespace Proxy.LoadBalancing;

/// <summary>
/// `balance hash EXPR` (haproxy 2.6 src/backend.c get_server_expr): the sample's value is hashed; no value means no
/// key (round robin). Built on the text fetches the ACLs use (<see cref="StringFetches"/>), with the `lower` and
/// `upper` converters; other converters are refused. As a sample, `hdr(NAME)` without an occurrence yields the last
/// value (haproxy 2.6 configuration.txt §7.3.6), not each value as in an ACL.
/// </summary>
internal sealed class SampleKeyHasher : IKeyHasher
{
    private readonly IStringFetch _fetch;

    // One capture chain per thread, built once: picking allocates nothing.
    private readonly ThreadLocal<Capture> _captures;

    private SampleKeyHasher(IStringFetch fetch, bool[] upper)
    {
        _fetch = fetch;
        _captures = new ThreadLocal<Capture>(() => new Capture(upper));
    }

    /// <summary>The hasher for <paramref name="sample"/>, or null with the reason it cannot run here.</summary>
    public static SampleKeyHasher? Create(SampleExpression? sample, out string? unsupported)
    {
        unsupported = null;
        if (sample is not null && sample.Fetch is "hdr" or "req.hdr" or "req.fhdr" && sample.Arguments.Count == 1)
        {
            sample = sample with { Arguments = [sample.Arguments[0], "-1"] };
        }

        if (sample is null || sample.Converters.Any(c => c.Name is not ("lower" or "upper")) || StringFetches.Create(sample) is not { } fetch)
        {
            unsupported = "this 'balance hash' expression is not evaluated by this proxy yet";
            return null;
        }

        return new SampleKeyHasher(fetch, [.. sample.Converters.Select(c => c.Name == "upper")]);
    }

    public bool TryHash(in BalanceContext context, HashSettings settings, out uint hash)
    {
        hash = 0;
        if (context.Http is not { } http)
        {
            return false;
        }

        var capture = _captures.Value!;
        capture.Settings = settings;
        if (!_fetch.AnyMatches(http, capture.Head))
        {
            return false;
        }

        hash = capture.Hash;
        return true;
    }

    // Takes the first value the fetch offers, after the case converters, and hashes it in place (no string is made).
    private sealed class Capture : IStringMatch
    {
        public Capture(bool[] upper)
        {
            IStringMatch head = this;
            for (var i = upper.Length - 1; i >= 0; i--)
            {
                head = new CaseConvertingMatch(head, upper[i]);
            }

            Head = head;
        }

        public IStringMatch Head { get; }

        public HashSettings Settings { get; set; }

        public uint Hash { get; private set; }

        public bool Matches(ReadOnlySpan<char> sample)
        {
            Hash = Settings.Hash(sample);
            return true;
        }
    }
}
