using System.Text;
using ConfigParser.Model;
using Microsoft.AspNetCore.Http;
using Proxy.Http;

namespace Proxy.Tests.Http;

public class ErrorPagesFeatureTests
{
    [Fact]
    public void Find_BackendAndFrontendPages_BackendWins_FrontendFillsGaps()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        ErrorPagesFeature.SetFrontend(context, new FrontendSection
        {
            Name = "fe",
            Location = TestModel.At,
            ErrorMessages = new Dictionary<int, HttpErrorMessage> { [503] = HaproxyErrorPagesTests.Message(503, "X", "fe503"), [403] = HaproxyErrorPagesTests.Message(403, "X", "fe403") },
        });
        ErrorPagesFeature.SetBackend(context, new BackendSection
        {
            Name = "be",
            Location = TestModel.At,
            ErrorMessages = new Dictionary<int, HttpErrorMessage> { [503] = HaproxyErrorPagesTests.Message(503, "X", "be503") },
        });

        var feature = context.Features.Get<ErrorPagesFeature>()!;

        Assert.Equal("be503", Encoding.ASCII.GetString(feature.Find(503)!.Body.Span));
        Assert.Equal("fe403", Encoding.ASCII.GetString(feature.Find(403)!.Body.Span));
        Assert.Null(feature.Find(502));
    }

    [Fact]
    public void SetFrontend_ProxyWithoutPages_AddsNoFeature()
    {
        var context = new DefaultHttpContext();

        ErrorPagesFeature.SetFrontend(context, new FrontendSection { Name = "fe", Location = TestModel.At });

        Assert.Null(context.Features.Get<ErrorPagesFeature>());
    }
}
