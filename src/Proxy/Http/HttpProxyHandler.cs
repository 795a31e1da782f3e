using Microsoft.AspNetCore.Http;
using Proxy.LoadBalancing;
using Proxy.Runtime;
using Yarp.ReverseProxy.Forwarder;

namespace Proxy.Http;

/// <summary>
/// The terminal handler of mode http: frontend rules, backend choice, server pick, then forwarding through
/// YARP's IHttpForwarder; failures become HAProxy's status codes and error pages.
/// </summary>
internal sealed class HttpProxyHandler(IHttpForwarder forwarder, CurrentRuntime runtime)
{
    public async Task HandleAsync(HttpContext context)
    {
        var connection = context.Connection;
        var frontend = runtime.Value.ResolveFrontend(connection.LocalIpAddress, connection.LocalPort);
        if (frontend is null)
        {
            await HaproxyErrorPages.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        ErrorPagesFeature.SetFrontend(context, frontend.Definition);
        if (await ApplyAsync(frontend.RequestActions, context))
        {
            return;
        }

        // haproxy 2.6: use_backend rules in order, then default_backend; no backend to send to answers 503.
        var backend = frontend.SelectBackend(context);
        if (backend is null)
        {
            await HaproxyErrorPages.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        ErrorPagesFeature.SetBackend(context, backend.Definition);
        if (await ApplyAsync(backend.RequestActions, context))
        {
            return;
        }

        var server = backend.Balancer.Pick(new BalanceContext(context), backend.Eligible);
        if (server is null)
        {
            await HaproxyErrorPages.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        Logging.AccessLogRoute.Record(context, backend, server);
        ForwarderError error;
        server.BeginRequest();
        try
        {
            error = await forwarder.SendAsync(
                context, server.DestinationPrefix(connection.LocalPort), backend.Invoker, TunnelRequestConfig.For(context, backend), HaproxyRequestTransformer.Instance);
        }
        finally
        {
            server.EndRequest();
        }

        if (error == ForwarderError.None)
        {
            return;
        }

        var outcome = ForwarderErrorMapper.Map(error, context.Features.Get<IForwarderErrorFeature>()?.Exception);
        if (outcome.Status is { } status && !context.Response.HasStarted)
        {
            await HaproxyErrorPages.WriteAsync(context.Response, status);
        }
    }

    private static async ValueTask<bool> ApplyAsync(IReadOnlyList<IHttpRequestAction> actions, HttpContext context)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (await actions[i].ApplyAsync(context))
            {
                return true;
            }
        }

        return false;
    }
}
