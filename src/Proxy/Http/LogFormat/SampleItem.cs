using System.Text;
using Microsoft.AspNetCore.Http;

namespace Proxy.Http.LogFormat;

/// <summary>`%[fetch,converter…]`, or a `%xx` variable that maps onto a fetch (`%ci` is `src`).</summary>
internal sealed class SampleItem(ISampleFetch sample) : ILogFormatItem
{
    public void Append(HttpContext context, StringBuilder builder) => builder.Append(sample.Fetch(context));
}
