using ConfigParser.Conditions;
using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Directives;

/// <summary>
/// The typed `http-request` actions besides `return` (haproxy 2.6 src/http_act.c and src/http_rules.c): deny, allow,
/// redirect, header and request-line rewrites, auth, set-var; each optionally followed by `if|unless COND`.
/// </summary>
internal static partial class HttpRequestRuleParser
{
    private static readonly HashSet<int> RedirectCodes = [301, 302, 303, 307, 308];

    // haproxy 2.6 src/http_htx.c http_err_codes: the statuses with a built-in error page, the only ones `deny` may use.
    private static readonly HashSet<int> ErrorPageStatuses = [200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 421, 422, 425, 429, 500, 501, 502, 503, 504];

    private static readonly string[] HeaderMatchMethods = ["str", "beg", "end", "sub", "reg"];

    private static readonly string[] VariableScopes = ["proc.", "sess.", "txn.", "req.", "res.", "check."];

    // True when the action has a typed record; rule is then the record, or null after an aborting alert.
    private static bool TryParseTyped(ConfigLine line, string proxyDescription, DiagnosticBag diagnostics, Func<string, bool> isKnownAcl,
        out HttpRequestRule? rule)
    {
        rule = null;
        var keyword = line.Keyword;
        var action = line[1];
        var conditionAt = IndexOfCondition(line);
        var args = line.Words.Take(conditionAt).Skip(2).ToList();
        string? error = null;
        int? unexpected = null;
        switch (action)
        {
            case "deny":
                // haproxy 2.6: a denied response becomes a 502 (the server's answer is not passed on).
                var status = keyword == "http-response" ? 502 : 403;
                for (var i = 0; i < args.Count && error is null && unexpected is null; i++)
                {
                    if (args[i] is "deny_status" or "status")
                    {
                        if (i + 1 >= args.Count)
                        {
                            error = "'status' expects <status_code> as argument.";
                            break;
                        }

                        status = CStyleInteger.Atoi(args[++i]);
                        error = status is < 200 or > 599 ? $"Unexpected status code '{args[i]}'."
                            : !ErrorPageStatuses.Contains(status) ? $"status code '{status}' not handled by default with 'default-errorfiles' argument.."
                            : null;
                    }
                    else
                    {
                        unexpected = i;
                    }
                }

                rule = new HttpDenyRule(line.Location, status);
                break;
            case "set-log-level":
                // haproxy 2.6 src/http_act.c: one level name or "silent"; anything else is the same error.
                var level = args.Count > 0 ? IndexOfLevel(args[0]) : -2;
                error = level == -2 ? "expects exactly 1 argument (log level name or 'silent')." : null;
                unexpected = args.Count > 1 ? 1 : null;
                rule = error is null ? new HttpSetLogLevelRule(line.Location, level < 0 ? null : level) : null;
                break;
            case "allow":
                unexpected = args.Count > 0 ? 0 : null;
                rule = new HttpAllowRule(line.Location);
                break;
            case "auth":
                string? realm = null;
                if (args.Count > 0 && args[0] == "realm")
                {
                    error = args.Count < 2 ? "missing realm value." : null;
                    realm = args.Count < 2 ? null : args[1];
                    unexpected = args.Count > 2 ? 2 : null;
                }
                else
                {
                    unexpected = args.Count > 0 ? 0 : null;
                }

                rule = new HttpAuthRule(line.Location, realm);
                break;
            case "redirect":
                (rule, error) = ParseRedirect(line, args);
                break;
            case "set-header" or "add-header":
                error = args.Count < 2 ? "expects exactly 2 arguments." : null;
                unexpected = args.Count > 2 ? 2 : null;
                rule = error is null ? new HttpHeaderRule(line.Location, action, args[0], args[1]) : null;
                break;
            case "del-header":
                error = args.Count < 1 ? "expects at least 1 argument."
                    : args.Count == 2 && args[1] == "-m" ? "-m flag expects exactly 1 argument."
                    : args.Count > 2 && args[1] == "-m" && !HeaderMatchMethods.Contains(args[2]) ? $"-m with unsupported matching method '{args[2]}'."
                    : null;
                unexpected = args.Count > 1 && args[1] != "-m" ? 1 : args.Count > 3 ? 3 : null;
                rule = error is null ? new HttpHeaderRule(line.Location, action, args[0], null) { MatchMethod = args.Count > 2 ? args[2] : "str" } : null;
                break;
            case "set-status" when keyword == "http-response":
                var code = args.Count > 0 ? CStyleInteger.Atoi(args[0]) : 0;
                error = args.Count < 1 ? "expects 1 argument: <status>; or 3 arguments: <status> reason <fmt>."
                    : code is < 100 or > 999 ? "expects an integer status code between 100 and 999."
                    : null;
                var hasReason = args.Count > 2 && args[1] == "reason";
                unexpected = args.Count > 1 && !hasReason ? 1 : args.Count > 3 ? 3 : null;
                rule = error is null ? new HttpSetStatusRule(line.Location, code, hasReason ? args[2] : null) : null;
                break;
            case "replace-header" or "replace-value":
                error = args.Count < 3 ? "expects exactly 3 arguments." : null;
                unexpected = args.Count > 3 ? 3 : null;
                rule = error is null ? new HttpReplaceHeaderRule(line.Location, action, args[0], args[1], args[2]) : null;
                break;
            case "replace-path" or "replace-pathq" or "replace-uri":
                error = args.Count < 2 ? "expects exactly 2 arguments <match-regex> and <replace-format>." : null;
                unexpected = args.Count > 2 ? 2 : null;
                rule = error is null ? new HttpReplaceTargetRule(line.Location, action, args[0], args[1]) : null;
                break;
            case "set-path" or "set-pathq" or "set-query" or "set-uri" or "set-method":
                error = args.Count < 1 ? "expects exactly 1 argument <format>." : null;
                unexpected = args.Count > 1 ? 1 : null;
                rule = error is null ? new HttpRewriteRule(line.Location, action, args[0]) : null;
                break;
            case var setVar when (setVar.StartsWith("set-var(", StringComparison.Ordinal) || setVar.StartsWith("set-var-fmt(", StringComparison.Ordinal))
                && setVar.EndsWith(')'):
                var isFormat = setVar.StartsWith("set-var-fmt(", StringComparison.Ordinal);
                var variable = setVar[(setVar.IndexOf('(') + 1)..^1];
                // haproxy 2.6 accepts set-var-fmt without a format (an empty string).
                error = InvalidVariable(variable) ?? (args.Count < 1 && !isFormat ? "missing fetch method." : null);
                unexpected = args.Count > 1 ? 1 : null;
                rule = error is null ? new HttpSetVarRule(line.Location, variable, args.Count > 0 ? args[0] : "") { IsFormat = isFormat } : null;
                break;
            case var unsetVar when unsetVar.StartsWith("unset-var(", StringComparison.Ordinal) && unsetVar.EndsWith(')'):
                var unset = unsetVar["unset-var(".Length..^1];
                error = InvalidVariable(unset);
                unexpected = args.Count > 0 ? 0 : null;
                rule = error is null ? new HttpUnsetVarRule(line.Location, unset) : null;
                break;
            default:
                return false;
        }

        if (error is not null)
        {
            rule = null;
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Alert, line.Location,
                $"error detected in {proxyDescription} while parsing '{keyword} {action}' rule : {error}", keyword, Aborts: true));
            return true;
        }

        if (unexpected is { } at)
        {
            rule = null;
            Abort(line, $"'{keyword} {action}' expects either 'if' or 'unless' followed by a condition but found '{args[at]}'.", diagnostics);
            return true;
        }

        if (conditionAt < line.Count)
        {
            var condition = ConditionParser.Parse(line, conditionAt, isKnownAcl, diagnostics);
            rule = condition is null ? null : rule! with { Condition = condition };
        }

        return true;
    }

    private static string? InvalidVariable(string variable) => VariableScopes.Any(s => variable.StartsWith(s, StringComparison.Ordinal))
        ? null
        : $"invalid variable name '{variable}'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'.";

    private static int IndexOfCondition(ConfigLine line)
    {
        for (var i = 2; i < line.Count; i++)
        {
            if (line[i] is "if" or "unless")
            {
                return i;
            }
        }

        return line.Count;
    }

    internal static (HttpRequestRule? Rule, string? Error) ParseRedirect(ConfigLine line, List<string> args)
    {
        string? kind = null;
        string? target = null;
        var code = 302;
        var options = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "location" or "prefix" or "scheme":
                    if (i + 1 >= args.Count)
                    {
                        return (null, $"missing argument for '{args[i]}'.");
                    }

                    kind = args[i];
                    target = args[++i];
                    break;
                case "code":
                    code = i + 1 < args.Count ? CStyleInteger.Atoi(args[++i]) : 0;
                    if (!RedirectCodes.Contains(code))
                    {
                        return (null, $"'code': unsupported HTTP code '{args[i]}' (must be one of 301, 302, 303, 307 or 308).");
                    }

                    break;
                case "set-cookie" or "clear-cookie":
                    options.Add(args[i]);
                    if (i + 1 < args.Count)
                    {
                        options.Add(args[++i]);
                    }

                    break;
                case "drop-query" or "ignore-empty" or "append-slash":
                    options.Add(args[i]);
                    break;
                default:
                    return (null,
                        $"expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', 'drop-query', 'ignore-empty' or 'append-slash' (was '{args[i]}').");
            }
        }

        return kind is null
            ? (null, "redirection type expected ('prefix', 'location', or 'scheme').")
            : (new HttpRedirectRule(line.Location, kind, target!, code, options), null);
    }

    // -1 for "silent", -2 for an unknown name, else the syslog level.
    private static int IndexOfLevel(string name)
        => name == "silent" ? -1 : HttpSetLogLevelRule.LevelNames.ToList().IndexOf(name) is var i and >= 0 ? i : -2;
}
