using System.Text;

namespace Proxy.Health;

/// <summary>A health check's HTTP response: status line, header names and body text (haproxy 2.6 reads at most tune.bufsize).</summary>
internal sealed class HttpCheckResponse
{
    private readonly HashSet<string> _headers;

    private HttpCheckResponse(int status, string reason, HashSet<string> headers, string body)
    {
        Status = status;
        Reason = reason;
        _headers = headers;
        Body = body;
    }

    public int Status { get; }

    /// <summary>The reason phrase, logged as the check's info on a wrong status.</summary>
    public string Reason { get; }

    public string Body { get; }

    public bool HasHeader(string name) => _headers.Contains(name);

    /// <summary>Parses what was read; null when it is not an HTTP/1.x response.</summary>
    public static HttpCheckResponse? Parse(ReadOnlySpan<byte> data)
    {
        var text = Encoding.Latin1.GetString(data);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? text : text[..headerEnd];
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || status[1].Length != 3
            || !int.TryParse(status[1], out var code) || code < 100)
        {
            return null;
        }

        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers.Add(line[..colon].Trim());
            }
        }

        var body = headerEnd < 0 ? "" : text[(headerEnd + 4)..];
        return new HttpCheckResponse(code, status.Length > 2 ? status[2] : "", headers, body);
    }

    /// <summary>True once the head is complete and the body is as long as Content-Length says (or the head says there is none).</summary>
    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        var text = Encoding.Latin1.GetString(data);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }

        foreach (var line in text[..headerEnd].Split("\r\n").Skip(1))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line.AsSpan(15).Trim(), out var length))
            {
                return text.Length - headerEnd - 4 >= length;
            }
        }

        // Without a length the body ends when the server closes (the request said Connection: close).
        return false;
    }
}
