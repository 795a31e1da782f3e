namespace Vrrp.Tracking;

/// <summary>
/// keepalived's `rise`/`fall` for vrrp_script: the state flips to good after `rise` consecutive successes and to bad
/// after `fall` consecutive failures. keepalived 2.2 (without `init_fail`) starts a script as good. Pure.
/// </summary>
public sealed class RiseFallCounter(int rise, int fall)
{
    private int _streak;

    /// <summary>The current verdict.</summary>
    public bool Good { get; private set; } = true;

    /// <summary>Records one result; true when <see cref="Good"/> changed.</summary>
    public bool Record(bool success)
    {
        if (success == Good)
        {
            _streak = 0;
            return false;
        }

        _streak++;
        if (_streak < (success ? rise : fall))
        {
            return false;
        }

        _streak = 0;
        Good = success;
        return true;
    }
}
