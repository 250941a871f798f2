using System.Text.Json;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.MapHost.Tests.Cli;
using GeoPrevention.MapHost.Web;
using Microsoft.AspNetCore.TestHost;

namespace GeoPrevention.MapHost.Tests.Web;

/// <summary>The web API names the data date and the vintage behind the values of an indicator and year.</summary>
[TestClass]
public sealed class DataStatusTests
{
    [TestMethod]
    public async Task Values_BaseYear_NamesTheBaseTable()
    {
        var (_, json) = await MapHostApplication.GetJsonAsync("/api/values?indicator=hze&year=2025");

        var status = json.GetProperty("dataStatus");
        Assert.AreEqual("31.12.2025", status.GetProperty("dataDate").GetString());
        Assert.AreEqual("Datenstand 31.12.2025, Grundtabelle sozialraeume_2015_2025.csv", status.GetProperty("text").GetString());
        Assert.AreEqual(JsonValueKind.Null, status.GetProperty("vintages")[0].GetProperty("supplier").ValueKind);
    }

    [TestMethod]
    public async Task Values_DeliveredYear_NamesTheDelivery()
    {
        var atlasPath = CliRunner.CopyDemoAtlas();
        var atlas = AtlasData.Load(atlasPath);
        var result = IntakeCheck.Check(atlas, IntakeCommandTests.JugendamtCsv(atlasPath));
        DeliveryStore.Accept(result, new DeliveryAcceptOptions { AcceptedAt = new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero) });
        await using var app = MapHostApp.Create(AtlasData.Load(atlasPath), new MapHostOptions(), b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/values?indicator=hze&year=2026&layer=gemeinden", UriKind.Relative)));

        var status = doc.RootElement.GetProperty("dataStatus");
        Assert.AreEqual("Datenstand 31.12.2026, Lieferung jugendamt 2027-03-02", status.GetProperty("text").GetString());
        Assert.AreEqual("jugendamt_20270302T090000Z", status.GetProperty("vintages")[0].GetProperty("id").GetString());
        Assert.AreEqual("jugendamt", status.GetProperty("vintages")[0].GetProperty("supplier").GetString());
    }
}
