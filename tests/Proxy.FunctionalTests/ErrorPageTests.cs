using Proxy.FunctionalTests.Common;

namespace Proxy.FunctionalTests;

/// <summary>errorfile, errorfiles + http-errors and errorloc end to end, with the proxy in process.</summary>
public class ErrorPageTests
{
    private const string Defaults = "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n";

    private const string Request = "GET / HTTP/1.1\r\nHost: example\r\nConnection: close\r\n\r\n";

    private static async Task<string> PageAsync(TempDirectory dir, string name, string source, string body)
        => await dir.WriteAsync(name, $"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nX-Page: {source}\r\nContent-Length: {body.Length}\r\n\r\n{body}");

    [Fact]
    public async Task Errorfile_FrontendWithoutBackend_SendsFileStatusReasonHeadersAndBody()
    {
        using var dir = new TempDirectory();
        var file = await dir.WriteAsync("503.http",
            "HTTP/1.1 503 Come Back Later\r\nCache-Control: no-store\r\nConnection: close\r\nX-Custom: yes\r\nContent-Length: 6\r\n\r\nsorry\n");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults + $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfile 503 {file}\n");

        var (status, headers, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        Assert.Equal("HTTP/1.1 503 Come Back Later", status);
        Assert.Contains("x-custom: yes", headers);
        Assert.Contains("Cache-Control: no-store", headers);
        Assert.Contains("Content-Length: 6", headers);
        Assert.Equal("sorry\n", body);
    }

    [Fact]
    public async Task Errorfile_BackendChosen_BackendPageWinsOverFrontendPage()
    {
        using var dir = new TempDirectory();
        var frontendPage = await PageAsync(dir, "fe.http", "frontend", "fe");
        var backendPage = await PageAsync(dir, "be.http", "backend", "be");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfile 503 {frontendPage}\n    default_backend be\n" +
            $"backend be\n    errorfile 503 {backendPage}\n");

        var (_, headers, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        Assert.Contains("x-page: backend", headers);
        Assert.Equal("be", body);
    }

    [Fact]
    public async Task Errorfile_BackendHasNoPageForStatus_FrontendPageIsUsed()
    {
        using var dir = new TempDirectory();
        var frontendPage = await PageAsync(dir, "fe.http", "frontend", "fe");
        var backendPage = await dir.WriteAsync("be403.http", "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfile 503 {frontendPage}\n    default_backend be\n" +
            $"backend be\n    errorfile 403 {backendPage}\n");

        var (_, headers, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        Assert.Contains("x-page: frontend", headers);
        Assert.Equal("fe", body);
    }

    [Fact]
    public async Task Errorfile_InheritedFromDefaults_UsedByBackend()
    {
        using var dir = new TempDirectory();
        var defaultsPage = await PageAsync(dir, "def.http", "defaults", "def");
        var frontendPage = await PageAsync(dir, "fe.http", "frontend", "fe");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults + $"    errorfile 503 {defaultsPage}\n" +
            $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfile 503 {frontendPage}\n    default_backend be\nbackend be\n");

        var (_, _, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        // haproxy 2.6: the backend inherited the defaults' page, and the backend's page wins.
        Assert.Equal("def", body);
    }

    [Fact]
    public async Task Errorfiles_HttpErrorsSection_PageTakenFromSection()
    {
        using var dir = new TempDirectory();
        var page = await PageAsync(dir, "site.http", "section", "site");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync($"http-errors site\n    errorfile 503 {page}\n" + Defaults +
            $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfiles site 503\n");

        var (status, headers, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        Assert.Equal("HTTP/1.1 503 Service Unavailable", status);
        Assert.Contains("x-page: section", headers);
        Assert.Equal("site", body);
    }

    [Fact]
    public async Task Errorfiles_CodeNotListed_BuiltInPageStays()
    {
        using var dir = new TempDirectory();
        var page = await PageAsync(dir, "site.http", "section", "site");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync($"http-errors site\n    errorfile 503 {page}\n" + Defaults +
            $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfiles site 403\n");

        var (_, _, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        Assert.Equal(System.Text.Encoding.ASCII.GetString(Http.HaproxyErrorPages.Body(503).Span), body);
    }

    [Fact]
    public async Task Errorfile_LaterLineForSameStatus_Wins()
    {
        using var dir = new TempDirectory();
        var page = await PageAsync(dir, "site.http", "section", "site");
        var own = await PageAsync(dir, "own.http", "own", "own");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync($"http-errors site\n    errorfile 503 {page}\n" + Defaults +
            $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfile 503 {own}\n    errorfiles site\n");

        var (_, _, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        Assert.Equal("site", body);
    }

    [Theory]
    [InlineData("errorloc", "HTTP/1.1 302 Found")]
    [InlineData("errorloc302", "HTTP/1.1 302 Found")]
    [InlineData("errorloc303", "HTTP/1.1 303 See Other")]
    public async Task Errorloc_NoServer_RedirectsWithoutBody(string keyword, string expectedStatus)
    {
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults +
            $"frontend fe\n    bind 127.0.0.1:{port}\n    {keyword} 503 http://status.example/down?x=1\n");

        var (status, headers, body) = RawHttpClient.Parse(await RawHttpClient.ExchangeAsync(port, Request));

        Assert.Equal(expectedStatus, status);
        Assert.Contains("Location: http://status.example/down?x=1", headers);
        Assert.Contains("Cache-Control: no-cache", headers);
        Assert.Contains("Content-Length: 0", headers);
        Assert.Equal("", body);
    }

    [Fact]
    public async Task Errorfile_EmptyFile_ClosesWithoutAnswer()
    {
        using var dir = new TempDirectory();
        var empty = await dir.WriteAsync("empty.http", "");
        var port = FreePort.Next();
        await using var proxy = await InProcessProxy.StartAsync(Defaults + $"frontend fe\n    bind 127.0.0.1:{port}\n    errorfile 503 {empty}\n");

        var raw = await RawHttpClient.ExchangeAsync(port, Request);

        Assert.Equal("", raw);
    }
}
