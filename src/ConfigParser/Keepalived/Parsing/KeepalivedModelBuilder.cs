using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>Turns the directive tree into a <see cref="KeepalivedConfig"/>, then runs keepalived's end-of-read checks.</summary>
internal static class KeepalivedModelBuilder
{
    /// <summary>Builds the model; every problem becomes a diagnostic in <paramref name="context"/>.</summary>
    public static KeepalivedConfig Build(KeepalivedParseContext context, SourceLocation start, IReadOnlyList<KeepalivedDirective> root)
    {
        var global = GlobalDefsBuilder.Build(context, [.. root.Where(d => d.Keyword == "global_defs")]);
        ScriptChecks.ResolveDefaultUser(context, global);
        var scripts = new List<VrrpScript>();
        var instances = new List<VrrpInstance>();
        var groups = new List<VrrpSyncGroup>();
        var servers = new List<VirtualServer>();
        var other = new List<KeepalivedDirective>();
        foreach (var d in root)
        {
            switch (d.Keyword)
            {
                case "global_defs":
                    break;
                case "vrrp_script":
                    if (VrrpScriptBuilder.Build(context, d) is { } script)
                    {
                        scripts.Add(script);
                    }

                    break;
                case "vrrp_instance" when d.Arguments.Count == 0:
                    // Observed: "(file: Line N) vrrp_instance must have a name".
                    context.Error(d.Location, "vrrp_instance must have a name", d.Keyword);
                    break;
                case "vrrp_instance" when d.Arguments.Count > 0 && instances.Any(i => i.Name == d.Arguments[0]):
                    // Observed: "(file: Line 8) vrrp instance V already defined"; the block is not read.
                    context.Error(d.Location, $"vrrp instance {d.Arguments[0]} already defined", d.Keyword);
                    break;
                case "vrrp_instance":
                    var instance = VrrpInstanceBuilder.Build(context, d);
                    InstanceChecks.CheckTrackedInterfaces(context, instance);
                    instances.Add(instance);
                    break;
                case "vrrp_sync_group":
                    groups.Add(SyncGroupBuilder.Build(context, d));
                    break;
                case "virtual_server":
                    servers.Add(VirtualServerBuilder.Build(context, d));
                    break;
                case "static_routes":
                    RouteChecks.Check(context, d);
                    other.Add(d);
                    break;
                default:
                    other.Add(d);
                    break;
            }
        }

        var notify = instances.SelectMany(i => i.Notify.All)
            .Concat(groups.SelectMany(g => g.Notify.All))
            .Select(n => n.Command)
            .Concat(servers.SelectMany(s => s.RealServers).SelectMany(r => new[] { r.NotifyUp, r.NotifyDown }).OfType<NotifyScript>().Select(n => n.Command))
            .Concat(servers.SelectMany(s => s.RealServers).SelectMany(r => r.Checkers).Select(c => c.MiscPath).OfType<string>());
        scripts = ScriptChecks.RemoveWithoutUser(context, scripts);
        var names = scripts.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            InstanceChecks.CheckTracking(context, instance, names);
        }

        if (context.MissingInterface)
        {
            // Observed: keepalived -t stops here; the script checks below are never reached.
            context.Warn(null, "Non-existent interface specified in configuration");
        }
        else
        {
            foreach (var instance in instances)
            {
                InstanceChecks.CheckComplete(context, instance, global);
            }

            CrossChecks.CheckSyncGroups(context, groups, instances);
            CrossChecks.CheckVrids(context, instances);
            // Observed: a virtual_server naming an undefined virtual_server_group is dropped without a word.
            var vsGroups = other.Where(d => d.Keyword == "virtual_server_group" && d.Arguments.Count > 0).Select(d => d.Arguments[0]).ToHashSet(StringComparer.Ordinal);
            foreach (var server in servers.Where(s => s.Group is null || vsGroups.Contains(s.Group)))
            {
                VirtualServerBuilder.CheckComplete(context, server);
            }

            // Observed: a vrrp_script no instance or group tracks is never checked.
            var tracked = instances.SelectMany(i => i.TrackScripts).Concat(groups.SelectMany(g => g.TrackScripts)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            ScriptChecks.CheckExecution(context, global, [.. scripts.Where(s => tracked.Contains(s.Name))], notify);
        }

        return new KeepalivedConfig
        {
            Location = start,
            Global = global,
            Scripts = scripts,
            Instances = instances,
            SyncGroups = groups,
            VirtualServers = servers,
            Other = other,
        };
    }
}
