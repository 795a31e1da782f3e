namespace ConfigParser.Sections;

/// <summary>
/// keyword → handler registry for one kind of section. The parser is this table, not a chain of ifs: adding a
/// keyword is one <see cref="Add"/> call and one handler.
/// </summary>
/// <typeparam name="TContext">What a handler works on (the section being built).</typeparam>
internal sealed class KeywordTable<TContext>
{
    private readonly Dictionary<string, Action<TContext>> _handlers = new(StringComparer.Ordinal);

    /// <summary>The registered keywords, for "did you mean" suggestions, in registration order.</summary>
    public IEnumerable<string> Keywords => _handlers.Keys;

    /// <summary>Registers <paramref name="handler"/> for <paramref name="keyword"/>.</summary>
    public KeywordTable<TContext> Add(string keyword, Action<TContext> handler)
    {
        _handlers.Add(keyword, handler);
        return this;
    }

    /// <summary>Registers <paramref name="handler"/> for each keyword not registered yet (typed handlers win).</summary>
    public KeywordTable<TContext> AddMissing(IEnumerable<string> keywords, Action<TContext> handler)
    {
        foreach (var keyword in keywords)
        {
            _handlers.TryAdd(keyword, handler);
        }

        return this;
    }

    /// <summary>Replaces the handler of a registered keyword with <paramref name="wrap"/> applied to it.</summary>
    public KeywordTable<TContext> Wrap(string keyword, Func<Action<TContext>, Action<TContext>> wrap)
    {
        _handlers[keyword] = wrap(_handlers[keyword]);
        return this;
    }

    /// <summary>Applies <see cref="Wrap"/> to each of <paramref name="keywords"/> that is registered.</summary>
    public KeywordTable<TContext> WrapEach(IEnumerable<string> keywords, Func<string, Func<Action<TContext>, Action<TContext>>> wrap)
    {
        foreach (var keyword in keywords.Where(_handlers.ContainsKey))
        {
            Wrap(keyword, wrap(keyword));
        }

        return this;
    }

    /// <summary>Finds the handler of <paramref name="keyword"/>.</summary>
    public bool TryGet(string keyword, out Action<TContext> handler) => _handlers.TryGetValue(keyword, out handler!);

    /// <summary>True when <paramref name="keyword"/> is registered.</summary>
    public bool Contains(string keyword) => _handlers.ContainsKey(keyword);
}
