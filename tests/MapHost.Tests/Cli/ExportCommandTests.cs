using GeoPrevention.Geo.IO;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class ExportCommandTests
{
    [TestMethod]
    public void Export_GeoJson_RoundTripsPublishableValuesInWgs84()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "werte.geojson");

        var (exit, _, stderr) = CliRunner.Run("export", CliRunner.DemoAtlasPath, "--out", output, "--year", "2019");

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var layer = VectorLayerReader.Read(output);
        Assert.AreEqual(4326, layer.Crs.Epsg);
        Assert.HasCount(54, layer.Features);
        var env = layer.Features[0].Geometry!.EnvelopeInternal;
        Assert.IsTrue(env.MinX is > 7 and < 9 && env.MinY is > 51 and < 53, "lon/lat of Kreis Warendorf expected");
        AssertValuesMatchAtlas(layer, "sozialraeume", 2019);
    }

    [TestMethod]
    public void Export_GeoPackage_KeepsEpsg25832AndLayer()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "gemeinden.gpkg");

        var (exit, _, stderr) = CliRunner.Run("export", CliRunner.DemoAtlasPath, "--out", output, "--layer", "gemeinden");

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var layer = VectorLayerReader.Read(output);
        Assert.AreEqual(25832, layer.Crs.Epsg);
        Assert.HasCount(13, layer.Features);
        Assert.AreEqual("05570004", layer.Features.Single(f => f.GetText("name") == "Ahlen").GetText("key"));
        AssertValuesMatchAtlas(layer, "gemeinden", CliRunner.DemoAtlas.Years[^1]);
    }

    [TestMethod]
    public void Export_UnsupportedExtension_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("export", CliRunner.DemoAtlasPath, "--out", Path.Combine(TestPaths.NewTempDirectory(), "x.csv"));

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains(".geojson or .gpkg", stderr);
    }

    /// <summary>Every exported number equals the published value; every withheld value is null; no count field exists.</summary>
    internal static void AssertValuesMatchAtlas(GeoPrevention.Geo.VectorLayer layer, string layerId, int year)
    {
        var atlas = CliRunner.DemoAtlas;
        // Exactly the identifying fields and one value per indicator: no count column (some indicator ids, e.g. kita_u3,
        // equal the name of their numerator column, but the field holds the published rate, checked below).
        CollectionAssert.AreEqual(new[] { "key", "name", "parent", "year" }.Concat(atlas.Manifest.Indicators.Select(i => i.Id)).ToList(), layer.Fields.ToList());
        var withheld = 0;
        foreach (var ind in atlas.Manifest.Indicators)
        {
            var snapshot = atlas.GetValues(layerId, ind.Id, year);
            foreach (var v in snapshot.Values)
            {
                var feature = layer.Features.Single(f => f.GetText("key") == v.Key);
                var exported = feature.Attributes[ind.Id];
                if (v.Value.IsPublished)
                {
                    Assert.AreEqual(v.Value.Value!.Value, Convert.ToDouble(exported, System.Globalization.CultureInfo.InvariantCulture), 1e-9, $"{v.Key} {ind.Id}");
                }
                else
                {
                    withheld++;
                    Assert.IsNull(exported, $"{v.Key} {ind.Id} is withheld ({v.Value.Status}) but was exported");
                }
            }
        }

        if (layerId == "sozialraeume")
        {
            Assert.IsGreaterThan(0, withheld, "the demo Sozialräume have withheld values, so the check is not vacuous");
        }
    }
}
