using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>The typed server settings and their checks, worded as haproxy 2.6 src/server.c and src/check.c word them.</summary>
internal static partial class ServerParser
{
    private static readonly HashSet<string> TypedKeywords = new(StringComparer.Ordinal)
    {
        "weight", "check", "no-check", "inter", "fastinter", "downinter", "rise", "fall", "port", "addr", "backup", "no-backup",
        "disabled", "enabled", "maxconn", "maxqueue", "minconn", "id", "ssl", "no-ssl", "verify", "ca-file", "crt", "sni",
        "check-ssl", "no-check-ssl", "alpn", "send-proxy", "no-send-proxy", "send-proxy-v2", "no-send-proxy-v2", "cookie",
        "resolvers", "init-addr", "slowstart", "agent-check", "no-agent-check", "agent-port", "agent-inter", "observe",
        "error-limit", "on-error", "track",
    };

    // Returns the message (after "'server be/name' : ") when the setting is refused.
    private static string? Apply(string keyword, string argument, string name, ref ServerDefinition s)
    {
        switch (keyword)
        {
            case "weight":
                // HAProxy reads the number with atol() into an int: "x" is 0, only the range is checked.
                var weight = CStyleInteger.Atoi(argument);
                if (weight is < 0 or > ServerDefinition.MaxWeight)
                {
                    return $"weight of server {name} is not within 0 and {ServerDefinition.MaxWeight} ({weight})..";
                }

                s = s with { Weight = weight };
                return null;
            case "inter" or "fastinter" or "downinter" or "agent-inter" or "slowstart":
                return ApplyDelay(keyword, argument, name, ref s);
            case "rise" or "fall":
                if (argument.Length == 0)
                {
                    return $"'{keyword}' expects an integer argument..";
                }

                var count = CStyleInteger.Atoi(argument);
                if (count <= 0)
                {
                    return $"'{keyword}' has to be > 0..";
                }

                s = keyword == "rise" ? s with { Rise = count } : s with { Fall = count };
                return null;
            case "port" or "agent-port":
                if (argument.Length == 0)
                {
                    return $"'{keyword}' expects a port number as argument..";
                }

                var port = CStyleInteger.Atoi(argument);
                s = keyword == "port" ? s with { CheckPort = port } : s with { AgentPort = port };
                return null;
            case "cookie":
                if (argument.Length == 0)
                {
                    return "'cookie' expects <value> as argument..";
                }

                s = s with { Cookie = argument };
                return null;
            case "id":
                if (argument.Length == 0)
                {
                    return "'id' : expects an integer argument.";
                }

                var id = CStyleInteger.Atoi(argument);
                if (id <= 0)
                {
                    return "'id' : custom id has to be > 0.";
                }

                s = s with { Id = id };
                return null;
            case "observe":
                if (argument is not ("none" or "layer4" or "layer7"))
                {
                    return $"'observe' expects one of 'none', 'layer4', 'layer7' but got '{argument}'.";
                }

                s = s with { Observe = argument };
                return null;
            case "on-error":
                if (argument is not ("fastinter" or "fail-check" or "sudden-death" or "mark-down"))
                {
                    return $"'on-error' expects one of 'fastinter', 'fail-check', 'sudden-death' or 'mark-down' but got '{argument}'.";
                }

                s = s with { OnError = argument };
                return null;
            case "init-addr":
                foreach (var method in argument.Split(','))
                {
                    if (method is not ("libc" or "last" or "none") && !System.Net.IPAddress.TryParse(method, out _))
                    {
                        return $"'init-addr' : unknown init-addr method '{method}', supported methods are 'libc', 'last', 'none'..";
                    }
                }

                s = s with { InitAddr = argument };
                return null;
            case "track":
                if (argument.Length == 0)
                {
                    return "'track' expects [<proxy>/]<server> as argument..";
                }

                s = s with { Track = argument };
                return null;
            case "alpn":
                if (argument.Length == 0)
                {
                    return "'alpn' : missing the comma-delimited ALPN protocol suite.";
                }

                s = s with { Alpn = argument };
                return null;
            default:
                s = ApplySimple(keyword, argument, s);
                return null;
        }
    }

    private static ServerDefinition ApplySimple(string keyword, string argument, ServerDefinition s) => keyword switch
    {
        "check" => s with { Check = true },
        "no-check" => s with { Check = false },
        "addr" => s with { CheckAddress = argument },
        "backup" => s with { Backup = true },
        "no-backup" => s with { Backup = false },
        "disabled" => s with { Disabled = true },
        "enabled" => s with { Disabled = false },
        "maxconn" => s with { MaxConn = CStyleInteger.Atoi(argument) },
        "maxqueue" => s with { MaxQueue = CStyleInteger.Atoi(argument) },
        "minconn" => s with { MinConn = CStyleInteger.Atoi(argument) },
        "ssl" => s with { Ssl = true },
        "no-ssl" => s with { Ssl = false },
        "verify" => s with { Verify = argument },
        "ca-file" => s with { CaFile = argument },
        "crt" => s with { Certificate = argument },
        "sni" => s with { Sni = argument },
        "check-ssl" => s with { CheckSsl = true, NoCheckSsl = false },
        "no-check-ssl" => s with { CheckSsl = false, NoCheckSsl = true },
        "send-proxy" => s with { SendProxy = true },
        "no-send-proxy" => s with { SendProxy = false },
        "send-proxy-v2" => s with { SendProxyV2 = true },
        "no-send-proxy-v2" => s with { SendProxyV2 = false },
        "resolvers" => s with { Resolvers = argument },
        "agent-check" => s with { AgentCheck = true },
        "no-agent-check" => s with { AgentCheck = false },
        "error-limit" => s with { ErrorLimit = CStyleInteger.Atoi(argument) },
        _ => s,
    };

    private static string? ApplyDelay(string keyword, string argument, string name, ref ServerDefinition s)
    {
        if (argument.Length == 0)
        {
            return $"'{keyword}' expects a delay as argument..";
        }

        var failure = TimeValueParser.Parse(argument, out var delay, out var character, out _);
        if (failure == TimeValueParser.Failure.UnexpectedCharacter)
        {
            // haproxy 2.6 names 'agent-inter' for inter, fastinter and downinter too (they share one parser).
            var named = keyword == "slowstart" ? keyword : "agent-inter";
            return $"unexpected character '{character}' in '{named}' argument of server {name}..";
        }

        s = keyword switch
        {
            "inter" => s with { Inter = delay },
            "fastinter" => s with { FastInter = delay },
            "downinter" => s with { DownInter = delay },
            "agent-inter" => s with { AgentInter = delay },
            _ => s with { SlowStart = delay },
        };
        return null;
    }
}
