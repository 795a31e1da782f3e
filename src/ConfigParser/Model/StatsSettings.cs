using ConfigParser.Model.Conditions;

namespace ConfigParser.Model;

/// <summary>The `stats …` lines of a proxy (haproxy 2.6 §4.2 `stats enable` … `stats uri`).</summary>
public sealed record StatsSettings
{
    /// <summary>True once any `stats` line enabled the statistics page (every one of them does but `stats scope`).</summary>
    public bool Enabled { get; init; }

    /// <summary>`stats uri`: the page's URI prefix; HAProxy's default is "/haproxy?stats".</summary>
    public string? Uri { get; init; }

    /// <summary>`stats realm`.</summary>
    public string? Realm { get; init; }

    /// <summary>`stats auth user:password` accounts.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>`stats refresh`.</summary>
    public TimeSpan? Refresh { get; init; }

    /// <summary>`stats admin if|unless COND`: when the page allows admin actions.</summary>
    public RuleCondition? Admin { get; init; }

    /// <summary>`stats hide-version`.</summary>
    public bool HideVersion { get; init; }

    /// <summary>`stats scope` proxy names.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>No `stats` line.</summary>
    public static StatsSettings None { get; } = new();
}
