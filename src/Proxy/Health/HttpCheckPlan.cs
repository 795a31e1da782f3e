using System.Text;
using ConfigParser.Model;

namespace Proxy.Health;

/// <summary>
/// A backend's HTTP check, read once from `option httpchk` and its `http-check` lines (haproxy 2.6 §4.2): the
/// request to send, what to expect, `disable-on-404` and `send-state`.
/// </summary>
internal sealed class HttpCheckPlan
{
    private readonly string _head;
    private readonly string _tail;
    private readonly byte[] _body;

    private HttpCheckPlan(string head, string tail, byte[] body, HttpCheckExpect expect, bool disableOn404, bool sendState)
    {
        _head = head;
        _tail = tail;
        _body = body;
        Expect = expect;
        DisableOn404 = disableOn404;
        SendState = sendState;
    }

    public HttpCheckExpect Expect { get; }

    /// <summary>`http-check disable-on-404`: a 404 puts the server in NOLB instead of failing.</summary>
    public bool DisableOn404 { get; }

    /// <summary>`http-check send-state`: add X-Haproxy-Server-State.</summary>
    public bool SendState { get; }

    /// <summary>The plan for a backend with `option httpchk`; null when it has none.</summary>
    public static HttpCheckPlan? For(BackendSection backend, out string? unsupported)
    {
        unsupported = null;
        if (backend.Options.LastOrDefault(o => o.Name == "httpchk") is not HttpCheckOption { Enabled: true } option)
        {
            return null;
        }

        // haproxy 2.6 defaults: OPTIONS / HTTP/1.0.
        var method = option.Method;
        var uri = option.Uri;
        var version = option.Version ?? "HTTP/1.0";
        var headers = new List<(string Name, string Value)>();
        var body = "";
        var expect = HttpCheckExpect.Default;
        var disableOn404 = false;
        var sendState = false;
        foreach (var directive in backend.HttpChecks)
        {
            var words = directive.Arguments;
            switch (directive.Verb)
            {
                case "send":
                    for (var i = 0; i + 1 < words.Count; i += 2)
                    {
                        switch (words[i])
                        {
                            case "meth": method = words[i + 1]; break;
                            case "uri": uri = words[i + 1]; break;
                            case "ver": version = words[i + 1]; break;
                            case "body": body = words[i + 1]; break;
                            case "hdr" when i + 2 < words.Count: headers.Add((words[i + 1], words[i + 2])); i++; break;
                            case "comment": break;
                            default: unsupported = $"'http-check send {words[i]}'"; break;
                        }
                    }

                    break;
                case "expect":
                    if (HttpCheckExpect.Parse(words) is { } parsed)
                    {
                        expect = parsed;
                    }
                    else
                    {
                        unsupported = $"'http-check expect {string.Join(' ', words)}'";
                    }

                    break;
                case "disable-on-404":
                    disableOn404 = true;
                    break;
                case "send-state":
                    sendState = true;
                    break;
            }
        }

        // haproxy 2.6 sends header names in lower case (HTX), then content-length, then connection last: the
        // configured value, else "close" except for HTTP/1.0, where closing is already the default.
        var head = new StringBuilder($"{method} {uri} {version}\r\n");
        foreach (var (name, value) in headers.Where(h => !IsConnection(h.Name)))
        {
            head.Append(name.ToLowerInvariant()).Append(": ").Append(value).Append("\r\n");
        }

        var tail = new StringBuilder();
        if (body.Length > 0)
        {
            tail.Append("content-length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n");
        }

        var connection = headers.LastOrDefault(h => IsConnection(h.Name)).Value ?? (version == "HTTP/1.0" ? null : "close");
        if (connection is not null)
        {
            tail.Append("connection: ").Append(connection).Append("\r\n");
        }

        return new HttpCheckPlan(head.ToString(), tail.ToString(), Encoding.UTF8.GetBytes(body), expect, disableOn404, sendState);
    }

    /// <summary>The request bytes; <paramref name="serverState"/> is the X-Haproxy-Server-State value when send-state is on.</summary>
    public byte[] Request(string? serverState)
    {
        var state = SendState && serverState is not null ? $"x-haproxy-server-state: {serverState}\r\n" : "";
        return [.. Encoding.Latin1.GetBytes(_head + state + _tail + "\r\n"), .. _body];
    }

    private static bool IsConnection(string name) => name.Equals("Connection", StringComparison.OrdinalIgnoreCase);
}
