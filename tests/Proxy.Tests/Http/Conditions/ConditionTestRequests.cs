using System.Net;
using ConfigParser;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Proxy.Http.Conditions;

namespace Proxy.Tests.Http.Conditions;

/// <summary>Builds conditions from configuration text and requests as DefaultHttpContexts.</summary>
internal static class ConditionTestRequests
{
    private const string Defaults = "defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n";

    /// <summary>Parses `acl` lines and `use_backend be &lt;rule&gt;`, then compiles the rule's condition.</summary>
    public static IRequestPredicate? Compile(string acls, string rule, out string? unsupported)
    {
        var text = Defaults + "frontend fe\n bind 127.0.0.1:8080\n" + string.Concat(acls.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(a => $" acl {a}\n"))
            + $" use_backend be {rule}\nbackend be\n server a 127.0.0.1:1\n";
        var parsed = HaproxyConfigLoader.Parse([new ConfigSource("t.cfg", text)]);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics.Select(d => d.Text)));
        FrontendSection frontend = parsed.Config!.Frontends[0];
        return new ConditionCompiler(frontend.Acls).Compile(frontend.UseBackendRules[0].Condition!, out unsupported);
    }

    /// <summary>Compiles and asserts that this proxy supports it.</summary>
    public static IRequestPredicate Compile(string acls, string rule)
    {
        var predicate = Compile(acls, rule, out var unsupported);
        Assert.True(predicate is not null, unsupported);
        return predicate;
    }

    /// <summary>A request: headers as "Name: value" separated by '|', each one a separate header line.</summary>
    public static HttpContext Request(string method = "GET", string target = "/", string headers = "", string src = "127.0.0.1", string protocol = "HTTP/1.1")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Protocol = protocol;
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        foreach (var header in headers.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var name = header[..colon];
            context.Request.Headers.Append(name, header[(colon + 1)..].Trim());
        }

        context.Connection.RemoteIpAddress = IPAddress.Parse(src);
        context.Connection.RemotePort = 40000;
        context.Connection.LocalIpAddress = IPAddress.Parse("127.0.0.2");
        context.Connection.LocalPort = 8080;
        return context;
    }
}
