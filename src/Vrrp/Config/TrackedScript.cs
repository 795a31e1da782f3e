namespace Vrrp.Config;

/// <summary>A `vrrp_script` as the runner needs it.</summary>
/// <param name="Name">The script's name.</param>
/// <param name="Command">The command line, run with /bin/sh -c.</param>
/// <param name="Interval">`interval`.</param>
/// <param name="Timeout">`timeout` (keepalived: the interval when not given).</param>
/// <param name="Weight">`weight`.</param>
/// <param name="Rise">`rise`.</param>
/// <param name="Fall">`fall`.</param>
/// <param name="User">`user`, else global_defs `script_user`.</param>
/// <param name="Group">The group that goes with <paramref name="User"/>.</param>
/// <param name="Reverse">`weight … reverse`: the weight applies in the opposite sense (success counts as failure).</param>
public sealed record TrackedScript(string Name, string Command, TimeSpan Interval, TimeSpan Timeout, int Weight, int Rise, int Fall, string? User, string? Group, bool Reverse = false);
