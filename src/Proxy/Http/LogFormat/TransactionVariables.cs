using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>
/// `set-var` / `var()` storage (haproxy 2.6 §2.8): `txn.`, `req.` and `res.` variables live for the request, `sess.`
/// variables for the client connection (they survive keep-alive requests on it).
/// </summary>
internal static class TransactionVariables
{
    private static readonly object SessionKey = new();

    /// <summary>The variable's value, or null when it was never set.</summary>
    public static string? Get(HttpContext context, string name)
        => Store(context, name, create: false) is { } store && store.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sets the variable (a null value, an absent sample, leaves it unchanged as HAProxy does).</summary>
    public static void Set(HttpContext context, string name, string? value)
    {
        if (value is not null)
        {
            Store(context, name, create: true)![name] = value;
        }
    }

    /// <summary>Forgets the variable.</summary>
    public static void Unset(HttpContext context, string name) => Store(context, name, create: false)?.Remove(name);

    private static Dictionary<string, string>? Store(HttpContext context, string name, bool create)
    {
        if (name.StartsWith("sess.", StringComparison.Ordinal) && context.Features.Get<IConnectionItemsFeature>() is { } connection)
        {
            if (connection.Items.TryGetValue(SessionKey, out var existing))
            {
                return (Dictionary<string, string>)existing!;
            }

            return create ? (Dictionary<string, string>)(connection.Items[SessionKey] = new Dictionary<string, string>(StringComparer.Ordinal)) : null;
        }

        if (context.Features.Get<Holder>() is { } holder)
        {
            return holder.Values;
        }

        if (!create)
        {
            return null;
        }

        var created = new Holder();
        context.Features.Set(created);
        return created.Values;
    }

    private sealed class Holder
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    }
}
