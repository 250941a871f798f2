using System.Net;
using System.Text.Json;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.MapHost.Tests.Web;

[TestClass]
public sealed class ApiTests
{
    [TestMethod]
    public async Task Atlas_Demo_DescribesLayersIndicatorsAreasAndGoals()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/api/atlas");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.IsTrue(json.GetProperty("demo").GetBoolean());
        CollectionAssert.AreEqual(Enumerable.Range(2015, 11).ToArray(), json.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray());
        CollectionAssert.AreEqual(new[] { "sozialraeume", "gemeinden", "jugendamtsbezirke", "kreis" }, json.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual("sozialraeume", json.GetProperty("defaultLayer").GetString());
        Assert.AreEqual("Kreis Warendorf", json.GetProperty("kreisLabel").GetString());
        Assert.AreEqual(7, json.GetProperty("indicators").GetArrayLength());
        Assert.AreEqual("quantile", json.GetProperty("defaultClassification").GetString());
        Assert.AreEqual(5, json.GetProperty("defaultClasses").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, json.GetProperty("backgroundUrl").ValueKind);
        Assert.AreEqual("jugendamtsbezirke", json.GetProperty("emphasisLayer").GetString());
        Assert.AreEqual(5, json.GetProperty("goals").GetArrayLength());

        // Ahlen's bbox lies inside the Kreis bbox and is much smaller (WGS84, [w, s, e, n]).
        var areas = json.GetProperty("areas").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        var (kreis, ahlen) = (areas["kreis"], areas["ahlen"]);
        Assert.IsTrue(kreis[0] is > 7 and < 9 && kreis[1] is > 51 and < 53, "Kreis Warendorf lies near 8° E, 52° N");
        Assert.IsTrue(ahlen[0] >= kreis[0] && ahlen[1] >= kreis[1] && ahlen[2] <= kreis[2] && ahlen[3] <= kreis[3]);
        Assert.IsLessThan((kreis[2] - kreis[0]) * (kreis[3] - kreis[1]) / 4, (ahlen[2] - ahlen[0]) * (ahlen[3] - ahlen[1]));
    }

    [TestMethod]
    public async Task Values_AhlenInnenstadt2015_IsTheRateFromTheCsv()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/api/values?layer=sozialraeume&indicator=sgb2_u15&year=2015&method=quantile&classes=5");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var v = json.GetProperty("values").EnumerateArray().Single(x => x.GetProperty("key").GetString() == "05570004-01");
        // data/indicators/sozialraeume_2015_2025.csv, row 05570004-01;2015: kinder_u15_sgb2 366 / kinder_u15 1352 × 100.
        Assert.AreEqual(366.0 / 1352 * 100, v.GetProperty("value").GetDouble(), 1e-9);
        Assert.AreEqual("ok", v.GetProperty("status").GetString());
        Assert.IsLessThan(v.GetProperty("value").GetDouble(), v.GetProperty("ciLow").GetDouble());
        Assert.IsGreaterThan(v.GetProperty("value").GetDouble(), v.GetProperty("ciHigh").GetDouble());
        Assert.AreEqual(6, json.GetProperty("breaks").GetArrayLength());
        Assert.AreEqual(5, json.GetProperty("colors").GetArrayLength());
        Assert.AreEqual("#ffffb2", json.GetProperty("colors")[0].GetString(), "ColorBrewer YlOrRd-5, lightest first");
        var published = json.GetProperty("values").EnumerateArray().Count(x => x.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.AreEqual(published, json.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
        var legend = json.GetProperty("legend").EnumerateArray().ToList();
        Assert.AreEqual("von", legend[0].GetProperty("label").GetString()![..3]);
        CollectionAssert.AreEqual(new[] { "suppressed", "minpop", "nodata" }, legend.Skip(5).Select(l => l.GetProperty("pattern").GetString()).ToArray());
    }

    [TestMethod]
    public async Task Values_EveryStatus_MatchesThePublishableView()
    {
        var (_, json) = await MapHostApplication.GetJsonAsync("/api/values?indicator=sgb2_u15&year=2023");
        var snapshot = MapHostApplication.Demo.GetValues("sozialraeume", "sgb2_u15", 2023);
        var expected = snapshot.Values.ToDictionary(v => v.Key, v => v.Value.Status switch
        {
            CellStatus.Published => v.Reliable ? "ok" : "unreliable",
            CellStatus.MinimumPopulation => "minpop",
            CellStatus.Undefined => "nodata",
            _ => "suppressed",
        });

        foreach (var v in json.GetProperty("values").EnumerateArray())
        {
            Assert.AreEqual(expected[v.GetProperty("key").GetString()!], v.GetProperty("status").GetString());
        }

        Assert.IsTrue(expected.ContainsValue("suppressed") && expected.ContainsValue("minpop"), "the demo has suppressed and small districts in 2023");
    }

    [TestMethod]
    public async Task Values_Ranks_AreCompetitionRanksOfPublishedValues()
    {
        var (_, json) = await MapHostApplication.GetJsonAsync("/api/values?layer=gemeinden&indicator=hze&year=2020");
        var ranked = json.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(v => (Value: v.GetProperty("value").GetDouble(), Rank: v.GetProperty("rank").GetInt32(), Of: v.GetProperty("rankOf").GetInt32())).ToList();

        Assert.IsGreaterThan(5, ranked.Count);
        foreach (var r in ranked)
        {
            Assert.AreEqual(1 + ranked.Count(o => o.Value > r.Value), r.Rank);
            Assert.AreEqual(ranked.Count, r.Of);
        }
    }

    [TestMethod]
    public async Task Lisa_Demo_GivesClusterCategoriesAndLabels()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/api/lisa?indicator=sgb2_u15&year=2023");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("lisa", json.GetProperty("view").GetString());
        CollectionAssert.AreEqual(new[] { "#ff0000", "#0000ff", "#f4ada8", "#a7adf9", "#eeeeee" }, json.GetProperty("colors").EnumerateArray().Select(c => c.GetString()).ToArray());
        var lisa = MapHostApplication.Demo.Lisa("sozialraeume", "sgb2_u15", 2023);
        var values = json.GetProperty("values").EnumerateArray().ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var cls = values[i].GetProperty("cls");
            if (lisa[i] is { Significant: true } l)
            {
                Assert.AreEqual(l.Quadrant switch { LisaQuadrant.HighHigh => 0, LisaQuadrant.LowLow => 1, LisaQuadrant.HighLow => 2, _ => 3 }, cls.GetInt32(), "GeoDa order HH, LL, HL, LH");
                StringAssert.Contains(values[i].GetProperty("label").GetString(), "-", StringComparison.Ordinal);
            }
            else if (lisa[i] is not null)
            {
                Assert.AreEqual(4, cls.GetInt32(), "not significant");
            }
        }

        Assert.IsTrue(values.Any(v => v.GetProperty("cls").ValueKind == JsonValueKind.Number && v.GetProperty("cls").GetInt32() < 4), "the demo has at least one significant cluster");
    }

    [TestMethod]
    public async Task GoalMap_ChildPoverty_GivesAStatusPerDistrict()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/api/goalmap?layer=gemeinden&indicator=sgb2_u15&year=2024");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var allowed = new[] { "onTrack", "atRisk", "offTrack", "uncertain", "notPublishable" };
        var values = json.GetProperty("values").EnumerateArray().ToList();
        Assert.HasCount(13, values);
        foreach (var v in values)
        {
            CollectionAssert.Contains(allowed, v.GetProperty("goalStatus").GetString());
            if (v.GetProperty("value").ValueKind == JsonValueKind.Null)
            {
                Assert.AreEqual("notPublishable", v.GetProperty("goalStatus").GetString());
            }
        }

        Assert.AreEqual(13, json.GetProperty("legend").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()));
    }

    [TestMethod]
    public async Task GoalMap_IndicatorWithoutGoal_Is404Problem()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/api/goalmap?indicator=seu_motorik&year=2024");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(json.GetProperty("detail").GetString(), "no goal", StringComparison.Ordinal);
    }

    [TestMethod]
    public async Task Goals_2024_ListsEveryGoalWithItsScope()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/api/goals?year=2024");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var rows = json.EnumerateArray().ToList();
        Assert.HasCount(5, rows);
        var ahlen = rows.Single(r => r.GetProperty("goal").GetString() == "kinderarmut_ahlen");
        Assert.AreEqual("Ahlen", ahlen.GetProperty("scopeName").GetString());
        Assert.AreEqual(14.0, ahlen.GetProperty("target").GetDouble());
        var published = MapHostApplication.Demo.GetValues("gemeinden", "sgb2_u15", 2024).Values.Single(v => v.Key == "05570004").Value;
        Assert.AreEqual(published.Value, ahlen.GetProperty("value").ValueKind == JsonValueKind.Null ? null : ahlen.GetProperty("value").GetDouble());
    }

    [TestMethod]
    [DataRow(2024)]
    [DataRow(2025)]
    public async Task Goals_SameStatusesAsTheCouncilOverview(int year)
    {
        // Issue 10: the web host's goal view and the report's "Zielerreichung" page must agree.
        var reports = GeoPrevention.Analytics.Goals.AtlasGoals.Evaluate(MapHostApplication.Demo);
        var html = GeoPrevention.Rendering.Goals.GoalOverview.BuildHtml(MapHostApplication.Demo, reports, new GeoPrevention.Rendering.Goals.GoalOverviewOptions { Year = year });
        var fromReport = System.Text.RegularExpressions.Regex.Matches(html, "<tr data-goal=\"([^\"]+)\" data-status=\"([^\"]+)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Replace("_", "", StringComparison.Ordinal));

        var (_, json) = await MapHostApplication.GetJsonAsync($"/api/goals?year={year}");
        var fromApi = json.EnumerateArray().ToDictionary(r => r.GetProperty("goal").GetString()!, r => r.GetProperty("status").GetString()!.ToLowerInvariant());

        Assert.HasCount(5, fromReport);
        CollectionAssert.AreEquivalent(fromReport.ToList(), fromApi.ToList());
        Assert.IsTrue(fromApi.Values.Distinct().Count() >= 3, "the demo shows on track, at risk and off track");
    }

    [TestMethod]
    public async Task Profile_AhlenInnenstadt_HasSeriesParentKreisAndGoals()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/api/profile?layer=sozialraeume&key=05570004-01&year=2024");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("Ahlen Innenstadt", json.GetProperty("name").GetString());
        Assert.AreEqual("Ahlen", json.GetProperty("parentName").GetString());
        Assert.AreEqual(7, json.GetProperty("indicators").GetArrayLength());
        var sgb2 = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "sgb2_u15");
        Assert.AreEqual(11, sgb2.GetProperty("series").GetArrayLength());
        var demo = MapHostApplication.Demo;
        Assert.AreEqual(demo.GetValues("gemeinden", "sgb2_u15", 2024).Values.Single(v => v.Key == "05570004").Value.Value, sgb2.GetProperty("parentValue").GetDouble());
        Assert.AreEqual(demo.GetValues("kreis", "sgb2_u15", 2024).Values[0].Value.Value, sgb2.GetProperty("kreisValue").GetDouble());
        var goals = json.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToArray();
        CollectionAssert.AreEquivalent(new[] { "kinderarmut_kreis", "kinderarmut_ahlen", "kita_u3_kreis" }, goals, "Ahlen's Sozialraum is in the Kreis and Ahlen goals, not in Beckum's");
    }

    [TestMethod]
    public async Task GeoJson_Layer_IsAFeatureCollectionWithETag()
    {
        var response = await MapHostApplication.Client.GetAsync(new Uri("/api/layers/gemeinden/geojson", UriKind.Relative));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("FeatureCollection", json.GetProperty("type").GetString());
        Assert.AreEqual(13, json.GetProperty("features").GetArrayLength());
        var first = json.GetProperty("features")[0];
        CollectionAssert.AreEquivalent(new[] { "key", "name", "parent" }, first.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.IsNotNull(response.Headers.ETag);
        StringAssert.Contains(response.Headers.CacheControl!.ToString(), "max-age", StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/layers/gemeinden/geojson");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var notModified = await MapHostApplication.Client.SendAsync(again);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [TestMethod]
    [DataRow("png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [DataRow("svg", "image/svg+xml", new byte[] { 0x3C })]
    [DataRow("pdf", "application/pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    public async Task Render_Format_ReturnsTheFileAsAttachment(string format, string contentType, byte[] signature)
    {
        var response = await MapHostApplication.Client.GetAsync(new Uri($"/api/maps/render?indicator=sgb2_u15&year=2023&area=ahlen&format={format}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.AreEqual($"karte_sgb2_u15_2023_ahlen.{format}", response.Content.Headers.ContentDisposition.FileName);
        CollectionAssert.AreEqual(signature, bytes.Take(signature.Length).ToArray());
    }

    [TestMethod]
    public async Task Health_IsOk()
    {
        var (response, json) = await MapHostApplication.GetJsonAsync("/health");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("ok", json.GetProperty("status").GetString());
    }

    [TestMethod]
    [DataRow("/api/values?indicator=nope&year=2023", 404)]
    [DataRow("/api/values?layer=nope&indicator=sgb2_u15", 404)]
    [DataRow("/api/values?indicator=sgb2_u15&year=1999", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&year=20x3", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&year=-1", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&year=99999999999", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&classes=1", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&classes=10", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&method=kmeans", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&method=Quantile", 400)]
    [DataRow("/api/values?year=2023", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&indicator=hze", 400)]
    [DataRow("/api/values?indicator=sgb2_u15&foo=bar", 400)]
    [DataRow("/api/values?indicator=..%2F..%2Fetc%2Fpasswd", 400)]
    [DataRow("/api/values?indicator=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400)]
    [DataRow("/api/values?indicator=sgb2_u15'%20OR%20'1'%3D'1", 400)]
    [DataRow("/api/values?indicator=sgb2_u15%0A", 400)]
    [DataRow("/api/values?indicator=SGB2_U15", 400)]
    [DataRow("/api/values?layer=Sozialraeume&indicator=sgb2_u15", 400)]
    [DataRow("/api/lisa?indicator=nope", 404)]
    [DataRow("/api/lisa?indicator=sgb2_u15&year=2014", 400)]
    [DataRow("/api/goalmap?indicator=sgb2_u15&goal=kita_u3_kreis", 404)]
    [DataRow("/api/goalmap?indicator=sgb2_u15&goal=%24%7Bjndi%7D", 400)]
    [DataRow("/api/goals?year=abc", 400)]
    [DataRow("/api/goals?year=2014", 400)]
    [DataRow("/api/profile?layer=sozialraeume", 400)]
    [DataRow("/api/profile?layer=sozialraeume&key=99999999", 404)]
    [DataRow("/api/profile?layer=sozialraeume&key=..%2F..%2Fatlas.json", 400)]
    [DataRow("/api/profile?layer=sozialraeume&key=05570004-01&year=1800", 400)]
    [DataRow("/api/profile?layer=nope&key=05570004", 404)]
    [DataRow("/api/layers/nope/geojson", 404)]
    [DataRow("/api/layers/Gemeinden/geojson", 400)]
    [DataRow("/api/layers/gemeinden/geojson?detail=ultra", 400)]
    [DataRow("/api/layers/..%2F..%2Fdata%2Fatlas.json/geojson", 400)]
    [DataRow("/api/maps/render?indicator=sgb2_u15&format=gif", 400)]
    [DataRow("/api/maps/render?indicator=sgb2_u15&format=png&area=muenster", 404)]
    [DataRow("/api/maps/render?indicator=sgb2_u15&format=png&area=..%2F", 400)]
    [DataRow("/api/maps/render?indicator=sgb2_u15&view=heat", 400)]
    [DataRow("/api/maps/render?layer=kreis&indicator=sgb2_u15&area=ahlen", 404)]
    [DataRow("/api/maps/render?indicator=nope&format=pdf", 404)]
    [DataRow("/api/atlas?x=1", 400)]
    [DataRow("/api/nothing", 404)]
    [DataRow("/data/atlas.json", 404)]
    [DataRow("/..%2F..%2Fdata%2Fatlas.json", 404)]
    [DataRow("/wwwroot/index.html", 404)]
    public async Task BadRequest_Parameter_Is4xxProblemJson(string path, int status)
    {
        var response = await MapHostApplication.Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(status, (int)response.StatusCode, body);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.AreEqual(status, problem.GetProperty("status").GetInt32());
        Assert.IsFalse(body.Contains("   at ", StringComparison.Ordinal), "no stack trace");
        Assert.IsFalse(body.Contains("<script>", StringComparison.Ordinal), "input is not echoed as markup");
    }

    [TestMethod]
    public async Task BadRequest_LongQuery_Is414Problem()
    {
        var response = await MapHostApplication.Client.GetAsync(new Uri("/api/values?indicator=" + new string('a', 600), UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task BadRequest_PostWithBody_IsRefused()
    {
        using var content = new StringContent("{\"a\":1}");
        var post = await MapHostApplication.Client.PostAsync(new Uri("/api/values?indicator=sgb2_u15", UriKind.Relative), content);
        var put = await MapHostApplication.Client.PutAsync(new Uri("/api/atlas", UriKind.Relative), null);

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, post.StatusCode);
        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.AreEqual("application/problem+json", put.Content.Headers.ContentType?.MediaType);
    }
}
