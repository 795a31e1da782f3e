namespace ConfigParser.Lexing;

/// <summary>
/// The environment as one parse sees it: the injected lookup plus what the global section's setenv, presetenv,
/// unsetenv and resetenv changed so far. HAProxy changes its own process environment; we never do, so several
/// parses (and the tests) stay independent.
/// </summary>
internal sealed class EnvironmentOverlay(Func<string, string?> environment)
{
    // A null value records an unset variable.
    private readonly Dictionary<string, string?> _changes = new(StringComparer.Ordinal);

    // After resetenv, only the variables in _changes exist.
    private bool _cleared;

    /// <summary>The value of <paramref name="name"/>, or null when it is not set.</summary>
    public string? Get(string name)
        => _changes.TryGetValue(name, out var value) ? value : _cleared ? null : environment(name);

    /// <summary>setenv (<paramref name="overwrite"/> true) or presetenv (only when unset).</summary>
    public void Set(string name, string value, bool overwrite)
    {
        if (overwrite || Get(name) is null)
        {
            _changes[name] = value;
        }
    }

    /// <summary>unsetenv.</summary>
    public void Unset(string name) => _changes[name] = null;

    /// <summary>
    /// resetenv: removes every variable except those named. Like HAProxy, which compares each "NAME=value" entry
    /// with "&lt;word&gt;=", a word with '=' in it keeps the variable before the '=' when its value starts with the rest
    /// followed by '=' ("resetenv A=b" keeps A=b=c).
    /// </summary>
    public void ResetKeeping(IEnumerable<string> words)
    {
        var kept = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            var name = equals < 0 ? word : word[..equals];
            var value = name.Length > 0 ? Get(name) : null;
            if (value is not null && (equals < 0 || value.StartsWith(word[(equals + 1)..] + "=", StringComparison.Ordinal)))
            {
                kept[name] = value;
            }
        }

        _changes.Clear();
        _cleared = true;
        foreach (var (name, value) in kept)
        {
            _changes[name] = value;
        }
    }
}
