using GeoPrevention.MapHost.Web;

namespace GeoPrevention.MapHost.Tests.Web;

[TestClass]
public sealed class MapHostOptionsTests
{
    [TestMethod]
    public void Defaults_AreLoopbackWithoutBackground()
    {
        var options = new MapHostOptions();

        options.Validate();

        Assert.AreEqual("http://127.0.0.1:5080", options.Urls);
        Assert.IsNull(options.BackgroundOrigin);
        Assert.AreEqual(0, options.MaxRequestBodyBytes);
    }

    [TestMethod]
    public void ContentSecurityPolicy_Background_AddsOnlyItsOriginToImgSrc()
    {
        var csp = MapHostApp.ContentSecurityPolicy(new MapHostOptions { BackgroundUrl = "https://tiles.intranet.example:8443/osm/{z}/{x}/{y}.png" });

        StringAssert.Contains(csp, "img-src 'self' data: https://tiles.intranet.example:8443;", StringComparison.Ordinal);
        StringAssert.Contains(csp, "connect-src 'self';", StringComparison.Ordinal);
        StringAssert.StartsWith(csp, "default-src 'self';", StringComparison.Ordinal);
    }

    [TestMethod]
    [DataRow("ftp://127.0.0.1:21", null)]
    [DataRow("127.0.0.1:5080", null)]
    [DataRow("", null)]
    [DataRow("http://127.0.0.1:5080", "javascript:alert(1)//{z}/{x}/{y}")]
    [DataRow("http://127.0.0.1:5080", "https://tiles.example/tile.png")]
    public void Validate_BadUrls_ThrowArgumentException(string urls, string? background)
    {
        var options = new MapHostOptions { Urls = urls, BackgroundUrl = background };

        Assert.ThrowsExactly<ArgumentException>(options.Validate);
    }

    [TestMethod]
    public void Validate_NoRenderSlot_ThrowsArgumentOutOfRange()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(new MapHostOptions { MaxConcurrentRenders = 0 }.Validate);
    }
}
