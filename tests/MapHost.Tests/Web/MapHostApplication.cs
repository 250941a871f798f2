using System.Text.Json;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.MapHost.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace GeoPrevention.MapHost.Tests.Web;

/// <summary>
/// The map host on the demo atlas, in memory (ASP.NET Core TestServer): a <see cref="WebApplicationFactory{Program}"/>
/// whose host is composed by <see cref="MapHostApp.Create(AtlasData, MapHostOptions?, Action{Microsoft.AspNetCore.Builder.WebApplicationBuilder}?)"/>
/// exactly as <c>geoprevention serve</c> does, with the atlas swapped in (TodoApi's <c>TodoApplication</c> pattern).
/// <c>Program</c> itself is the CLI, so the factory's own host builder (which would run the CLI's entry point) is not
/// built. One instance is shared by all API tests (the app is stateless and thread-safe).
/// </summary>
internal sealed class MapHostApplication : WebApplicationFactory<Program>
{
    private static readonly Lazy<AtlasData> DemoAtlas = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));

    private static readonly Lazy<HttpClient> SharedClient = new(() => new MapHostApplication().CreateClient());

    /// <summary>The demo atlas (loaded once).</summary>
    public static AtlasData Demo => DemoAtlas.Value;

    /// <summary>A client of the shared in-memory host.</summary>
    public static HttpClient Client => SharedClient.Value;

    /// <summary>GETs a path and parses the JSON body.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, doc.RootElement.Clone());
    }

    /// <inheritdoc/>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var app = MapHostApp.Create(Demo, new MapHostOptions(), b => b.WebHost.UseTestServer());
        app.Start();
        return app;
    }
}
