namespace ConfigParser.Model;

/// <summary>A whole parsed haproxy.cfg (one or more files): immutable, with every `listen` split in two.</summary>
public sealed record HaproxyConfig
{
    /// <summary>The `global` section (all `global` sections merged).</summary>
    public GlobalSection Global { get; init; } = GlobalSection.Empty;

    /// <summary>Frontends and listen front halves, in declaration order.</summary>
    public IReadOnlyList<FrontendSection> Frontends { get; init; } = [];

    /// <summary>Backends and listen back halves, in declaration order.</summary>
    public IReadOnlyList<BackendSection> Backends { get; init; } = [];

    /// <summary>`http-errors` sections by name.</summary>
    public IReadOnlyDictionary<string, HttpErrorsSection> HttpErrors { get; init; } = new Dictionary<string, HttpErrorsSection>();

    /// <summary>`userlist` sections, the first of duplicated names kept.</summary>
    public IReadOnlyList<UserlistSection> Userlists { get; init; } = [];

    /// <summary>Finds a backend by its exact name.</summary>
    public BackendSection? FindBackend(string name) => Backends.FirstOrDefault(b => b.Name == name);
}
