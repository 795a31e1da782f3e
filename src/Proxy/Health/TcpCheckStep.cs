using System.Text.RegularExpressions;

namespace Proxy.Health;

/// <summary>What one `tcp-check` rule does.</summary>
internal enum TcpCheckAction
{
    /// <summary>`tcp-check comment TEXT`: names the following rules in failure messages.</summary>
    Comment,

    /// <summary>`tcp-check connect [port N] [ssl]`.</summary>
    Connect,

    /// <summary>`tcp-check send STRING` / `send-binary HEX`.</summary>
    Send,

    /// <summary>`tcp-check expect [!] string|rstring|binary PATTERN`.</summary>
    Expect,
}

/// <summary>
/// One `tcp-check` rule (haproxy 2.6 §4.2), numbered as haproxy numbers them in its messages: every rule, comments
/// included, from 1.
/// </summary>
/// <param name="Step">The rule's number.</param>
/// <param name="Action">What it does.</param>
/// <param name="Comment">Its `comment` (the rule's own, or a `tcp-check comment` one).</param>
/// <param name="Port">`connect port N`; null for the check's port.</param>
/// <param name="Ssl">`connect ssl`.</param>
/// <param name="Data">The bytes to send, or the binary pattern to expect.</param>
/// <param name="Kind">`string`, `rstring` or `binary` for an expect.</param>
/// <param name="Pattern">The expect's pattern as written.</param>
/// <param name="Negate">`expect !`.</param>
/// <param name="Regex">The compiled `rstring`.</param>
internal sealed record TcpCheckStep(
    int Step, TcpCheckAction Action, string? Comment = null, int? Port = null, bool Ssl = false, byte[]? Data = null,
    string? Kind = null, string? Pattern = null, bool Negate = false, Regex? Regex = null)
{
    /// <summary>How haproxy 2.6 names the pattern in a failure: 'text', (regex) or (binary).</summary>
    public string Shown => Kind switch { "string" => $"'{Pattern}'", "rstring" => "(regex)", _ => "(binary)" };

    /// <summary>
    /// The rule as a timeout or socket error names it: "(expect string '+PONG')", "(connect port 6379)"; a binary
    /// pattern is shown as its bytes (2.6.12: "expect binary 2b504f4e47" is "(expect binary '+PONG')"), a negation not at all.
    /// </summary>
    public string Described => Action == TcpCheckAction.Connect
        ? Port is { } port ? $"(connect port {port})" : "(connect)"
        : $"(expect {Kind} '{(Kind == "binary" ? System.Text.Encoding.Latin1.GetString(Data!) : Pattern)}')";
}
