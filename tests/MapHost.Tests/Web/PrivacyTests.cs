using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoPrevention.Analytics.Atlas;

namespace GeoPrevention.MapHost.Tests.Web;

/// <summary>
/// Walks every API response for the demo atlas and checks that nothing withheld by the publishable view comes out:
/// for every (layer, district, indicator, year) the atlas withholds, the API gives null (values, LISA, goal map,
/// profiles and their series, parent and Kreis values, goals); and no response has a field that could hold a count
/// of people or cases.
/// </summary>
[TestClass]
public sealed partial class PrivacyTests
{
    // Legend class counts ("count", "counts") are numbers of districts, "rankOf" the number of ranked districts, "denominatorLabel" a text.
    private static readonly HashSet<string> DistrictCountKeys = new(StringComparer.Ordinal) { "count", "counts", "rankOf", "denominatorLabel" };

    [TestMethod]
    [DataRow("sozialraeume")]
    [DataRow("gemeinden")]
    [DataRow("jugendamtsbezirke")]
    [DataRow("kreis")]
    public async Task Values_LayerAllIndicatorsYears_NeverShowWithheldValues(string layer)
    {
        var atlas = MapHostApplication.Demo;
        var checkedWithheld = 0;
        foreach (var indicator in atlas.Manifest.Indicators)
        {
            foreach (var year in atlas.Years)
            {
                var query = string.Create(CultureInfo.InvariantCulture, $"layer={layer}&indicator={indicator.Id}&year={year}");
                var expected = atlas.GetValues(layer, indicator.Id, year).Values;
                var views = new List<string> { "/api/values?" + query, "/api/lisa?" + query };
                if (atlas.Manifest.Goals.Any(g => g.Indicator == indicator.Id))
                {
                    views.Add("/api/goalmap?" + query);
                }

                foreach (var path in views)
                {
                    var (response, json) = await MapHostApplication.GetJsonAsync(path);
                    Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
                    AssertNoCountFields(json, path);
                    var values = json.GetProperty("values").EnumerateArray().ToList();
                    Assert.HasCount(expected.Count, values);
                    for (var i = 0; i < values.Count; i++)
                    {
                        checkedWithheld += AssertMatches(expected[i], values[i], path);
                    }

                    Assert.IsLessThanOrEqualTo(expected.Count, json.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()), path);
                }
            }
        }

        if (layer == "sozialraeume")
        {
            Assert.IsGreaterThan(100, checkedWithheld, "the demo withholds many Sozialraum cells; all were checked");
        }
    }

    [TestMethod]
    [DataRow("sozialraeume")]
    [DataRow("gemeinden")]
    [DataRow("jugendamtsbezirke")]
    [DataRow("kreis")]
    public async Task Profiles_EveryDistrictOfLayer_NeverShowWithheldValues(string layer)
    {
        var atlas = MapHostApplication.Demo;
        var checkedWithheld = 0;
        var districts = atlas.GetLayer(layer).Districts;
        var parentLayer = atlas.Manifest.FindLayer(layer)!.ParentLayer;
        foreach (var year in new[] { atlas.Years[0], atlas.Years[^1] })
        {
            for (var d = 0; d < districts.Count; d++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"/api/profile?layer={layer}&key={districts[d].Key}&year={year}");
                var (response, json) = await MapHostApplication.GetJsonAsync(path);
                Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
                AssertNoCountFields(json, path);
                foreach (var ind in json.GetProperty("indicators").EnumerateArray())
                {
                    var id = ind.GetProperty("id").GetString()!;
                    foreach (var point in ind.GetProperty("series").EnumerateArray())
                    {
                        var v = atlas.GetValues(layer, id, point.GetProperty("year").GetInt32()).Values[d];
                        checkedWithheld += AssertNumber(v.Value.IsPublished ? v.Value.Value : null, point.GetProperty("value"), path);
                    }

                    var current = atlas.GetValues(layer, id, year).Values[d];
                    checkedWithheld += AssertNumber(current.Value.IsPublished ? current.Value.Value : null, ind.GetProperty("value"), path);
                    if (!current.Value.IsPublished)
                    {
                        Assert.AreEqual(JsonValueKind.Null, ind.GetProperty("ciLow").ValueKind, path);
                        Assert.AreEqual(JsonValueKind.Null, ind.GetProperty("rank").ValueKind, path);
                    }

                    if (parentLayer is not null && districts[d].ParentKey is { } pk)
                    {
                        var parent = atlas.GetValues(parentLayer, id, year).Values.Single(p => p.Key == pk);
                        checkedWithheld += AssertNumber(parent.Value.IsPublished ? parent.Value.Value : null, ind.GetProperty("parentValue"), path);
                    }
                }
            }
        }

        if (layer == "sozialraeume")
        {
            Assert.IsGreaterThan(100, checkedWithheld, "the demo withholds many Sozialraum cells; all were checked");
        }
    }

    [TestMethod]
    public async Task OtherResponses_AtlasGoalsGeoJson_HaveNoCountFields()
    {
        foreach (var path in new[] { "/api/atlas", "/health", "/api/layers/sozialraeume/geojson", "/api/layers/gemeinden/geojson" }
            .Concat(MapHostApplication.Demo.Years.Select(y => string.Create(CultureInfo.InvariantCulture, $"/api/goals?year={y}"))))
        {
            var (response, json) = await MapHostApplication.GetJsonAsync(path);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
            AssertNoCountFields(json, path);
        }

        var atlas = MapHostApplication.Demo;
        foreach (var year in atlas.Years)
        {
            var (_, rows) = await MapHostApplication.GetJsonAsync(string.Create(CultureInfo.InvariantCulture, $"/api/goals?year={year}"));
            foreach (var row in rows.EnumerateArray())
            {
                var v = atlas.GetValues(row.GetProperty("layer").GetString()!, row.GetProperty("indicator").GetString()!, year).Values.Single(x => x.Key == row.GetProperty("key").GetString());
                AssertNumber(v.Value.IsPublished ? v.Value.Value : null, row.GetProperty("value"), "goals");
            }
        }
    }

    /// <summary>Compares one API district value with the publishable view; returns 1 when it was a withheld cell.</summary>
    private static int AssertMatches(DistrictValue expected, JsonElement actual, string path)
    {
        Assert.AreEqual(expected.Key, actual.GetProperty("key").GetString(), path);
        if (expected.Value.IsPublished)
        {
            Assert.AreEqual(expected.Value.Value!.Value, actual.GetProperty("value").GetDouble(), 0, path);
            return 0;
        }

        foreach (var field in new[] { "value", "ciLow", "ciHigh", "cls", "rank", "rankOf" })
        {
            Assert.AreEqual(JsonValueKind.Null, actual.GetProperty(field).ValueKind, $"{path}: {expected.Key}.{field} must be null ({expected.Value.Status})");
        }

        return 1;
    }

    private static int AssertNumber(double? expected, JsonElement actual, string path)
    {
        if (expected is { } e)
        {
            Assert.AreEqual(e, actual.GetDouble(), 0, path);
            return 0;
        }

        Assert.AreEqual(JsonValueKind.Null, actual.ValueKind, path);
        return 1;
    }

    /// <summary>No key in the document names a count, numerator, denominator or population, except the district counts of legends and ranks.</summary>
    private static void AssertNoCountFields(JsonElement element, string path)
    {
        var atlasColumns = MapHostApplication.Demo.Manifest.Indicators.SelectMany(i => new[] { i.Numerator, i.Denominator }).OfType<string>()
            .Append(MapHostApplication.Demo.Manifest.Privacy.PopulationColumn!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in Keys(element))
        {
            if (DistrictCountKeys.Contains(key))
            {
                continue;
            }

            Assert.IsFalse(CountLike().IsMatch(key), $"{path}: field '{key}' looks like a count");
            Assert.IsFalse(atlasColumns.Contains(key), $"{path}: field '{key}' is a count column of the atlas");
        }
    }

    private static IEnumerable<string> Keys(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                yield return p.Name;
                foreach (var k in Keys(p.Value))
                {
                    yield return k;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var k in Keys(item))
                {
                    yield return k;
                }
            }
        }
    }

    [GeneratedRegex("count|numerator|denominator|population|einwohner|anzahl|faelle|fälle|cases|total|sum|^n$|raw", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountLike();
}
