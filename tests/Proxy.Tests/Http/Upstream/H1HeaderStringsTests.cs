using Microsoft.Net.Http.Headers;
using Proxy.Http.Upstream;

namespace Proxy.Tests.Http.Upstream;

public class H1HeaderStringsTests
{
    [Fact]
    public void Get_NameSpelledAsAspNetsConstant_ThatVeryString()
    {
        var names = new H1HeaderStrings(names: true);

        var name = names.Get(0, "Content-Type"u8);

        Assert.Same(HeaderNames.ContentType, name);
    }

    [Fact]
    public void Get_KnownNameInAnotherCase_TheServersSpellingKept()
    {
        var names = new H1HeaderStrings(names: true);

        var name = names.Get(0, "content-type"u8);

        Assert.Equal("content-type", name);
    }

    [Fact]
    public void Get_SameBytesInTheSameSlot_SameStringAgain()
    {
        var values = new H1HeaderStrings();

        var first = values.Get(3, "nginx/1.22.1"u8);
        var second = values.Get(3, "nginx/1.22.1"u8);
        var other = values.Get(3, "nginx/1.22.2"u8);

        Assert.Same(first, second);
        Assert.Equal("nginx/1.22.2", other);
    }
}
