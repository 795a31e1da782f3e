using Microsoft.AspNetCore.Http;
using Proxy.Wire;

namespace Proxy.Tests.Wire;

public class InPlaceHeaderEditsTests
{
    [Theory]
    [InlineData("X-Rh", true)]
    [InlineData("x-rh", true)]
    [InlineData("X-Rv", false)]
    public void Contains_NotedName_AnyCase(string raw, bool expected)
    {
        var context = new DefaultHttpContext();
        Assert.Null(context.Features.Get<InPlaceHeaderEdits>());

        InPlaceHeaderEdits.Note(context, "X-RH");

        Assert.Equal(expected, context.Features.Get<InPlaceHeaderEdits>()!.Contains(System.Text.Encoding.ASCII.GetBytes(raw)));
    }
}
