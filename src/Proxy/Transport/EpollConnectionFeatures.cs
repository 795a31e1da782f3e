using System.Collections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Proxy.Transport;

/// <summary>
/// An <see cref="EpollConnection"/>'s features: the ones the connection implements answer by a type test, the rest
/// (TLS, protocol choice, what middleware adds) from a dictionary. Kestrel's HTTP layer falls back to the
/// connection's features for every lookup its request does not answer, so a dictionary for all of them was a
/// measurable share of a request (bench/RESULTS.md), as Kestrel's own transport avoids with generated code.
/// </summary>
internal sealed class EpollConnectionFeatures(EpollConnection connection) : IFeatureCollection
{
    private Dictionary<Type, object>? _others;

    // A feature the connection implements, replaced by middleware: from then on the dictionary answers for it.
    private bool _replaced;

    private int _revision;

    public bool IsReadOnly => false;

    public int Revision => _revision;

    public object? this[Type key]
    {
        get => !_replaced && Own(key) ? connection : _others?.GetValueOrDefault(key);

        set
        {
            _revision++;
            _others ??= [];
            if (!_replaced && Own(key))
            {
                // One of the connection's own features replaced or removed: the dictionary answers for all of them.
                _replaced = true;
                foreach (var own in OwnTypes)
                {
                    _others.TryAdd(own, connection);
                }
            }

            if (value is null)
            {
                _others.Remove(key);
            }
            else
            {
                _others[key] = value;
            }
        }
    }

    public TFeature? Get<TFeature>() => (TFeature?)this[typeof(TFeature)];

    public void Set<TFeature>(TFeature? instance) => this[typeof(TFeature)] = instance;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator()
    {
        if (!_replaced)
        {
            foreach (var own in OwnTypes)
            {
                yield return new KeyValuePair<Type, object>(own, connection);
            }
        }

        if (_others is not null)
        {
            foreach (var pair in _others)
            {
                yield return pair;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static readonly Type[] OwnTypes =
    [
        typeof(IConnectionIdFeature), typeof(IConnectionTransportFeature), typeof(IConnectionItemsFeature),
        typeof(IMemoryPoolFeature), typeof(IConnectionLifetimeFeature), typeof(IConnectionEndPointFeature),
    ];

    private static bool Own(Type key)
        => key == typeof(IConnectionItemsFeature) || key == typeof(IConnectionIdFeature) || key == typeof(IConnectionTransportFeature)
           || key == typeof(IMemoryPoolFeature) || key == typeof(IConnectionLifetimeFeature) || key == typeof(IConnectionEndPointFeature);
}
