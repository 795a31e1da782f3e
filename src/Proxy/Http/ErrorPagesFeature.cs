using ConfigParser.Model;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http;

/// <summary>
/// The error pages that apply to the request so far, so every code path that answers with an error page (deny,
/// auth, no server, forward failure) picks up the configured errorfiles without knowing about them. haproxy 2.6:
/// once a backend is chosen its page for the status wins; otherwise, or when it has none, the frontend's.
/// </summary>
internal sealed class ErrorPagesFeature
{
    private static readonly IReadOnlyDictionary<int, HttpErrorMessage> None = new Dictionary<int, HttpErrorMessage>();

    public IReadOnlyDictionary<int, HttpErrorMessage> Frontend { get; private set; } = None;

    public IReadOnlyDictionary<int, HttpErrorMessage> Backend { get; private set; } = None;

    /// <summary>The configured page for <paramref name="status"/>, or null for HAProxy's built-in one.</summary>
    public HttpErrorMessage? Find(int status)
        => Backend.TryGetValue(status, out var page) || Frontend.TryGetValue(status, out page) ? page : null;

    /// <summary>Records the frontend that took the request.</summary>
    public static void SetFrontend(HttpContext context, FrontendSection frontend)
    {
        if (frontend.ErrorMessages.Count > 0)
        {
            GetOrAdd(context).Frontend = frontend.ErrorMessages;
        }
    }

    /// <summary>Records the backend the request was switched to.</summary>
    public static void SetBackend(HttpContext context, BackendSection backend)
    {
        if (backend.ErrorMessages.Count > 0)
        {
            GetOrAdd(context).Backend = backend.ErrorMessages;
        }
    }

    private static ErrorPagesFeature GetOrAdd(HttpContext context)
    {
        if (context.Features.Get<ErrorPagesFeature>() is { } feature)
        {
            return feature;
        }

        feature = new ErrorPagesFeature();
        context.Features.Set(feature);
        return feature;
    }
}
