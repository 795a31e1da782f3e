namespace Proxy.Health;

/// <summary>
/// A checked server's health counter (haproxy 2.6 `check->health`): 0 .. rise+fall-1, up when at least rise.
/// </summary>
/// <param name="Health">The counter.</param>
/// <param name="Rise">Consecutive successes to become UP.</param>
/// <param name="Fall">Consecutive failures to become DOWN.</param>
internal readonly record struct HealthCounter(int Health, int Rise, int Fall)
{
    /// <summary>haproxy 2.6 starts a checked server UP with health = rise: it takes traffic, and the first failure takes it DOWN.</summary>
    public static HealthCounter Starting(int rise, int fall) => new(rise, rise, fall);

    /// <summary>The highest value: fully UP, `fall` failures away from DOWN.</summary>
    public int Max => Rise + Fall - 1;

    public bool IsUp => Health >= Rise;

    /// <summary>True unless at full health (UP) or at 0 (DOWN): the server is "going up" or "going down" (fastinter applies).</summary>
    public bool IsTransitioning => Health != Max && Health != 0;
}
