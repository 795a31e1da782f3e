namespace Vrrp.Config;

/// <summary>An instance's `track_script` / `track_interface` entry with its effective weight (0 = FAULT on failure).</summary>
/// <param name="Name">The script or interface name.</param>
/// <param name="Weight">The entry's weight, else the script's.</param>
public sealed record TrackReference(string Name, int Weight);
