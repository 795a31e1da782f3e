using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Transport;

namespace Proxy.Tests.Transport;

public class EpollConnectionFeaturesTests
{
    [Fact]
    public void Get_ConnectionsOwnFeature_TheConnection()
    {
        var (connection, features) = Make();

        Assert.Same(connection, features.Get<IConnectionItemsFeature>());
        Assert.Same(connection, features.Get<IConnectionLifetimeFeature>());
        Assert.Null(features.Get<ITlsHandshakeFeature>());
    }

    [Fact]
    public void Set_OtherFeature_GetReturnsItAndTheRevisionMoves()
    {
        var (_, features) = Make();
        var revision = features.Revision;
        var tls = new TlsStub();

        features.Set<ITlsHandshakeFeature>(tls);

        Assert.Same(tls, features.Get<ITlsHandshakeFeature>());
        Assert.NotEqual(revision, features.Revision);
        Assert.Contains(features, pair => pair.Key == typeof(ITlsHandshakeFeature));
    }

    [Fact]
    public void Set_ReplacesAnOwnFeature_TheReplacementAnswersAndTheOthersStay()
    {
        var (connection, features) = Make();
        var items = new ItemsStub();

        features.Set<IConnectionItemsFeature>(items);
        features.Set<IConnectionIdFeature>(null);

        Assert.Same(items, features.Get<IConnectionItemsFeature>());
        Assert.Null(features.Get<IConnectionIdFeature>());
        Assert.Same(connection, features.Get<IConnectionTransportFeature>());
        Assert.Equal(5, features.Count());
    }

    private static (EpollConnection Connection, IFeatureCollection Features) Make()
    {
        // An unconnected descriptor number is enough: the connection is never started.
        var connection = new EpollConnection(-1, EpollLoops.Next(), System.Buffers.MemoryPool<byte>.Shared, 1024, 1024);
        return (connection, connection.Features);
    }

    private sealed class TlsStub : ITlsHandshakeFeature
    {
        public System.Security.Authentication.SslProtocols Protocol => default;

#pragma warning disable SYSLIB0058 // the interface still has them
        public System.Security.Authentication.CipherAlgorithmType CipherAlgorithm => default;

        public int CipherStrength => 0;

        public System.Security.Authentication.HashAlgorithmType HashAlgorithm => default;

        public int HashStrength => 0;

        public System.Security.Authentication.ExchangeAlgorithmType KeyExchangeAlgorithm => default;

        public int KeyExchangeStrength => 0;
#pragma warning restore SYSLIB0058
    }

    private sealed class ItemsStub : IConnectionItemsFeature
    {
        public IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
    }
}
