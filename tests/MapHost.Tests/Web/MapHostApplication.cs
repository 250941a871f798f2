using System.Text.Json;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.MapHost.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace GeoPrevention.MapHost.Tests.Web;

/// <summary>
/// The map host on the demo atlas, in memory (ASP.NET Core TestServer) and built by the same
/// <see cref="MapHostApp.Create(AtlasData, MapHostOptions?, Action{WebApplicationBuilder}?)"/> as <c>geoprevention serve</c>.
/// One instance is shared by all API tests (the app is stateless and thread-safe).
/// </summary>
internal static class MapHostApplication
{
    private static readonly Lazy<AtlasData> DemoAtlas = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));

    private static readonly Lazy<(WebApplication App, HttpClient Client)> Server = new(() =>
    {
        var app = MapHostApp.Create(Demo, new MapHostOptions(), b => b.WebHost.UseTestServer());
        app.StartAsync().GetAwaiter().GetResult();
        return (app, app.GetTestClient());
    });

    /// <summary>The demo atlas (loaded once).</summary>
    public static AtlasData Demo => DemoAtlas.Value;

    /// <summary>A client of the in-memory host.</summary>
    public static HttpClient Client => Server.Value.Client;

    /// <summary>GETs a path and parses the JSON body.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, doc.RootElement.Clone());
    }
}
