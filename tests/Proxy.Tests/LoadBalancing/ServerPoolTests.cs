using Proxy.LoadBalancing;

namespace Proxy.Tests.LoadBalancing;

public class ServerPoolTests
{
    [Fact]
    public void Current_ActivesUsable_BackupsAndZeroWeightLeftOut()
    {
        var pool = Pools.Of([Pools.Server("a"), Pools.Server("b", weight: 0), Pools.Server("k", backup: true)]);

        Assert.Equal(["a"], pool.Current.Servers.Select(s => s.Name));
        Assert.False(pool.Current.Backups);
    }

    [Fact]
    public void Current_NoActiveLeft_FirstUsableBackupAlone()
    {
        var pool = Pools.Of([Pools.Server("a"), Pools.Server("k1", backup: true), Pools.Server("k2", backup: true), Pools.Server("k3", backup: true)]);
        pool.All[1].IsUsable = false;

        pool.All[0].IsUsable = false;

        Assert.Equal(["k2"], pool.Current.Servers.Select(s => s.Name));
        Assert.True(pool.Current.Backups);
    }

    [Fact]
    public void Current_AllBackups_EveryUsableBackup()
    {
        var pool = Pools.Of([Pools.Server("a"), Pools.Server("k1", backup: true), Pools.Server("k2", backup: true)], allBackups: true);

        pool.All[0].IsUsable = false;

        Assert.Equal(["k1", "k2"], pool.Current.Servers.Select(s => s.Name));
    }

    [Fact]
    public void Current_ActiveComesBack_BackupsLeave()
    {
        var pool = Pools.Of([Pools.Server("a"), Pools.Server("k", backup: true)]);
        pool.All[0].IsUsable = false;

        pool.All[0].IsUsable = true;

        Assert.Equal(["a"], pool.Current.Servers.Select(s => s.Name));
    }

    [Fact]
    public void Current_NothingUsable_Empty()
    {
        var pool = Pools.Of([Pools.Server("a")]);

        pool.All[0].IsUsable = false;

        Assert.Empty(pool.Current.Servers);
    }

    [Fact]
    public void Current_DisabledServer_StartsUnusable()
    {
        var pool = Pools.Of([Pools.Server("a") with { Disabled = true }, Pools.Server("b")]);

        Assert.Equal(["b"], pool.Current.Servers.Select(s => s.Name));
    }

    [Fact]
    public void Current_StateChange_NewInstanceForBalancersToRebuild()
    {
        var pool = Pools.Of(1, 1);
        var before = pool.Current;

        pool.All[0].IsUsable = false;

        Assert.NotSame(before, pool.Current);
    }
}
