using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>A compiled `fetch[,converter…]` chain: the fetch's value through each converter in order.</summary>
internal sealed class CompiledSample(ISampleFetch fetch, ISampleConverter[] converters) : ISampleFetch
{
    public string? Fetch(HttpContext context)
    {
        var value = fetch.Fetch(context);
        for (var i = 0; i < converters.Length && value is not null; i++)
        {
            value = converters[i].Convert(value);
        }

        return value;
    }
}
