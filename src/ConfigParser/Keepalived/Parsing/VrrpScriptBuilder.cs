using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>Builds a <see cref="VrrpScript"/>; a block without `script` is removed, as keepalived does.</summary>
internal static class VrrpScriptBuilder
{
    /// <summary>The script, or null when keepalived would remove it.</summary>
    public static VrrpScript? Build(KeepalivedParseContext context, KeepalivedDirective block)
    {
        var name = block.Arguments.Count > 0 ? block.Arguments[0] : string.Empty;
        var s = new VrrpScript { Name = name, Location = block.Location, End = block.End };
        foreach (var d in block.Children)
        {
            var arg = d.Arguments.Count > 0 ? d.Arguments[0] : null;
            switch (d.Keyword)
            {
                case "script":
                    s = s with { Script = string.Join(' ', d.Arguments) };
                    break;
                case "interval":
                    // Observed: 0 draws "(s): vrrp script interval must be greater than 0, setting to 1", -11 draws
                    // "(s): vrrp script interval '-11' must be between 1 and 4294 - ignoring".
                    if (!ValueReader.TryParseDecimal(arg ?? string.Empty, out var interval) || interval < 0 || interval > 4294)
                    {
                        ValueReader.TryUnsigned(context, d, 0, 0, 4294, out _);
                        s = Report(context, d, $"({name}): vrrp script interval '{arg}' must be between 1 and 4294 - ignoring", s);
                    }
                    else
                    {
                        s = interval > 0 ? s with { Interval = interval } : Report(context, d, $"({name}): vrrp script interval must be greater than 0, setting to 1", s);
                    }

                    break;
                case "timeout":
                    // Observed: "negative number '-1'" then "(s): vrrp script timeout '-1' invalid - ignoring".
                    s = ValueReader.TryUnsignedDecimal(context, d, 0, 0.000001, ValueReader.MaxSeconds, out var timeout)
                        ? s with { Timeout = timeout }
                        : Report(context, d, $"({name}): vrrp script timeout '{arg}' invalid - ignoring", s);
                    break;
                case "weight":
                    // Observed: "number '254' outside range [-253, 253]" then "vrrp_script s weight 254 must be in [-253, 253]".
                    s = ValueReader.TryInt(context, d, 0, -253, 253, out var weight)
                        ? s with { Weight = weight, WeightReverse = d.Arguments.Skip(1).Contains("reverse") }
                        : Report(context, d, $"vrrp_script {name} weight {arg} must be in [-253, 253]", s);
                    break;
                case "rise":
                    s = ValueReader.TryInt(context, d, 0, 1, int.MaxValue, out var rise)
                        ? s with { Rise = rise }
                        : Report(context, d, $"({name}): vrrp script rise value '{arg}' invalid, defaulting to 1", s);
                    break;
                case "fall":
                    s = ValueReader.TryInt(context, d, 0, 1, int.MaxValue, out var fall)
                        ? s with { Fall = fall }
                        : Report(context, d, $"({name}): vrrp script fall value '{arg}' invalid, defaulting to 1", s);
                    break;
                case "user" when arg is not null && !context.Host.UserExists(arg):
                    // Observed: "(file: Line 3) Unable to set uid/gid for script 'true'"; the script is removed.
                    context.Error(d.Location, $"Unable to set uid/gid for script '{s.Script}'", d.Keyword);
                    return null;
                case "user":
                    s = s with { User = arg, Group = d.Arguments.Count > 1 ? d.Arguments[1] : null };
                    break;
            }
        }

        if (s.Script is null)
        {
            // Observed: "(file: Line 13) No script set for vrrp_script check_VI_0 - removing", at the closing brace.
            context.Error(block.End ?? block.Location, $"No script set for vrrp_script {name} - removing", block.Keyword);
            return null;
        }

        return s;
    }

    private static VrrpScript Report(KeepalivedParseContext context, KeepalivedDirective d, string message, VrrpScript s)
    {
        context.Error(d.Location, message, d.Keyword);
        return s;
    }
}
