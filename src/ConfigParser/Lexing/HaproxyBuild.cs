namespace ConfigParser.Lexing;

/// <summary>
/// The HAProxy build we claim to be for ".if" conditions: feature(), version_atleast() and version_before()
/// answer as the local reference build does (`haproxy -vv` of Debian's HAProxy 2.6.12-1+deb12u4).
/// </summary>
internal static class HaproxyBuild
{
    /// <summary>
    /// We are 2.6-compatible and follow 2.6.12. Debian's "2.6.12-1+deb12u4" splits to the same numbers
    /// (the "-1+deb12u4" suffix is no valid commit number, so it reads as 0).
    /// </summary>
    public const string Version = "2.6.12";

    /// <summary>
    /// The "Feature list" line of `haproxy -vv` on the reference build, verbatim: feature(NAME) is true for the
    /// "+NAME" entries.
    /// </summary>
    public const string Features =
        "-51DEGREES +ACCEPT4 +BACKTRACE -CLOSEFROM +CPU_AFFINITY +CRYPT_H -DEVICEATLAS +DL -ENGINE +EPOLL -EVPORTS " +
        "+GETADDRINFO -KQUEUE +LIBCRYPT +LINUX_SPLICE +LINUX_TPROXY +LUA -MEMORY_PROFILING +NETFILTER +NS " +
        "-OBSOLETE_LINKER +OPENSSL +OT -PCRE +PCRE2 +PCRE2_JIT -PCRE_JIT +POLL +PRCTL -PROCCTL +PROMEX -QUIC +RT " +
        "+SLZ -STATIC_PCRE -STATIC_PCRE2 +SYSTEMD +TFO +THREAD +THREAD_DUMP +TPROXY -WURFL -ZLIB";

    private const int VersionParts = 7;

    /// <summary>
    /// feature(NAME): like HAProxy, looks for NAME in the list where it is followed by a blank or the end and
    /// preceded by '+' (true) or '-' (false); other matches are parts of longer words and are skipped. So a name
    /// with a trailing blank never matches.
    /// </summary>
    public static bool HasFeature(string name)
    {
        if (name.Length == 0)
        {
            // Observed: haproxy 2.6.12 answers true for feature() (its search runs past the end of the list).
            return true;
        }

        for (var at = Features.IndexOf(name, StringComparison.Ordinal); at >= 0; at = Features.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var after = at + name.Length;
            if (at > 0 && (after == Features.Length || Features[after] == ' ') && Features[at - 1] is '+' or '-')
            {
                return Features[at - 1] == '+';
            }
        }

        return false;
    }

    /// <summary>
    /// Compares <paramref name="version"/> with <see cref="Version"/>: -1 when older, 0 when equal, 1 when newer,
    /// and -3 when it cannot be read (so version_atleast() is then true and version_before() false, as in HAProxy).
    /// </summary>
    public static int CompareVersion(string version)
    {
        TrySplitVersion(Version, out var current);
        if (!TrySplitVersion(version, out var other))
        {
            return -3;
        }

        for (var i = 0; i < VersionParts; i++)
        {
            if (other[i] != current[i])
            {
                return other[i] < current[i] ? -1 : 1;
            }
        }

        return 0;
    }

    // haproxy 2.6 split_version: "a[.b[.c[.d]]][-{dev,rc,pre}e][-…][-f]" into {a, b, c, d, tag, e, f}, where the tag
    // is 1 for dev, 2 for rc/pre and 3 for a release, and f is the number after the last '-' (0 if not a number).
    private static bool TrySplitVersion(string version, out uint[] parts)
    {
        parts = new uint[VersionParts];
        parts[4] = 3;
        if (version.Length == 0)
        {
            return false;
        }

        var at = 0;
        for (var i = 0; i < 4; i++)
        {
            parts[i] = ReadNumber(version, ref at);
            if (at >= version.Length)
            {
                return true;
            }

            if (version[at] == '-')
            {
                return SplitTag(version, at + 1, parts);
            }

            if (version[at] != '.' || i == 3)
            {
                return false;
            }

            at++;
        }

        return false;
    }

    private static bool SplitTag(string version, int at, uint[] parts)
    {
        if (at < version.Length && !char.IsAsciiDigit(version[at]))
        {
            var tag = version.AsSpan(at);
            var (kind, length) = tag.StartsWith("dev") ? (1u, 3) : tag.StartsWith("rc") ? (2u, 2) : tag.StartsWith("pre") ? (2u, 3) : (0u, 0);
            if (kind != 0)
            {
                parts[4] = kind;
                at += length;
                parts[5] = ReadNumber(version, ref at);
                if (at >= version.Length)
                {
                    return true;
                }

                if (version[at] != '-')
                {
                    return false;
                }

                at++;
            }
        }

        var rest = version[Math.Min(at, version.Length)..];
        var dash = rest.LastIndexOf('-');
        if (dash >= 0)
        {
            rest = rest[(dash + 1)..];
            if (rest.Length == 0)
            {
                return false;
            }
        }

        var position = 0;
        var number = ReadNumber(rest, ref position);
        parts[6] = position == rest.Length ? number : 0;
        return true;
    }

    // strtol(…, 10) stored in an unsigned int, as split_version does (a negative number wraps around).
    private static uint ReadNumber(string text, ref int at)
    {
        if (!CInteger.TryParse(text, at, 10, out var value, out var end))
        {
            return 0;
        }

        at = end;
        return unchecked((uint)value);
    }
}
