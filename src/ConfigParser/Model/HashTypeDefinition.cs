using ConfigParser.Diagnostics;

namespace ConfigParser.Model;

/// <summary>`hash-type map-based|consistent [sdbm|djb2|wt6|crc32] [avalanche]` (haproxy 2.6 §4.2 `hash-type`).</summary>
/// <param name="Location">Where it was declared.</param>
/// <param name="Method">"map-based" or "consistent".</param>
/// <param name="Function">The hash function as written, or null when none is given (sdbm, with `avalanche` implied for
/// `consistent` — haproxy 2.6 cfgparse-listen.c).</param>
/// <param name="Avalanche">True when `avalanche` is given.</param>
public sealed record HashTypeDefinition(SourceLocation Location, string Method, string? Function, bool Avalanche);
