using System.Net;
using System.Text;

namespace GeoPrevention.MapHost.Tests.Web;

[TestClass]
public sealed class SecurityTests
{
    [TestMethod]
    [DataRow("/")]
    [DataRow("/api/atlas")]
    [DataRow("/api/nothing")]
    public async Task Response_Any_CarriesSecurityHeaders(string path)
    {
        var response = await MapHostApplication.Client.GetAsync(new Uri(path, UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        StringAssert.StartsWith(csp, "default-src 'self'", StringComparison.Ordinal);
        Assert.IsFalse(csp.Contains("http", StringComparison.Ordinal), "no external host: " + csp);
        Assert.IsFalse(csp.Contains("unsafe", StringComparison.Ordinal), "no unsafe-inline/eval: " + csp);
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.AreEqual("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.IsFalse(response.Headers.Contains("Server"));
    }

    [TestMethod]
    [DataRow("/", "text/html", "<html lang=\"de\">")]
    [DataRow("/index.html", "text/html", "Sozialraummonitoring")]
    [DataRow("/app.js", "text/javascript", "/api/atlas")]
    [DataRow("/app.css", "text/css", ".legend")]
    [DataRow("/lib/leaflet/leaflet.js", "text/javascript", "Leaflet")]
    [DataRow("/lib/leaflet/leaflet.css", "text/css", ".leaflet-container")]
    public async Task Asset_Embedded_IsServedWithTypeAndETag(string path, string type, string content)
    {
        var response = await MapHostApplication.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(type, response.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("utf-8", response.Content.Headers.ContentType.CharSet);
        StringAssert.Contains(text, content, StringComparison.Ordinal);
        Assert.IsNotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.AreEqual(HttpStatusCode.NotModified, (await MapHostApplication.Client.SendAsync(again)).StatusCode);
    }

    [TestMethod]
    public async Task Page_Html_LoadsNothingFromOtherHosts()
    {
        var html = await MapHostApplication.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var js = await MapHostApplication.Client.GetStringAsync(new Uri("/app.js", UriKind.Relative));

        foreach (var text in new[] { html, js })
        {
            Assert.IsFalse(text.Contains("http://", StringComparison.Ordinal) || text.Contains("https://", StringComparison.Ordinal) || text.Contains("//cdn", StringComparison.Ordinal));
            Assert.IsFalse(text.Contains("style=\"", StringComparison.Ordinal), "no inline style attributes (CSP style-src 'self')");
        }
    }

    [TestMethod]
    [DataRow("/app.js/../../data/atlas.json")]
    [DataRow("/%2e%2e/%2e%2e/data/atlas.json")]
    [DataRow("/lib/leaflet/../../../../../etc/passwd")]
    [DataRow("/GeoPrevention.MapHost.csproj")]
    [DataRow("/geoprevention.dll")]
    public async Task Asset_Traversal_IsNotFound(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path));
        var response = await MapHostApplication.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, body);
        Assert.IsFalse(body.Contains("\"layers\"", StringComparison.Ordinal) || body.Contains("root:", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Delete_Api_Is405Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/atlas");
        var response = await MapHostApplication.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(Encoding.UTF8.GetByteCount(await response.Content.ReadAsStringAsync()) > 0);
    }
}
