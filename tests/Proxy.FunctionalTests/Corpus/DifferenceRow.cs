namespace Proxy.FunctionalTests.Corpus;

/// <summary>One row of tests/corpus-differences.tsv: a corpus file on which we and the reference tool disagree.</summary>
internal sealed record DifferenceRow(string File, string Reference, string Proxy, string Reason)
{
    public string ToTsv() => $"{File}\t{Reference}\t{Proxy}\t{Reason}";

    /// <summary>True when <paramref name="other"/> records the same disagreement (the reason aside).</summary>
    public bool SameDifference(DifferenceRow other) => (File, Reference, Proxy) == (other.File, other.Reference, other.Proxy);
}
