using System.Buffers;

namespace Proxy.Http.Conditions;

/// <summary>
/// The `lower` and `upper` converters, applied to each sample before the match (haproxy 2.6 §7.3.1); the copy is
/// made on the stack for usual sizes.
/// </summary>
internal sealed class CaseConvertingMatch(IStringMatch inner, bool upper) : IStringMatch
{
    private const int StackLimit = 512;

    public bool Matches(ReadOnlySpan<char> sample)
    {
        char[]? rented = null;
        var buffer = sample.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(sample.Length));
        var converted = buffer[..sample.Length];
        if (upper)
        {
            sample.ToUpperInvariant(converted);
        }
        else
        {
            sample.ToLowerInvariant(converted);
        }

        var result = inner.Matches(converted);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }
}
