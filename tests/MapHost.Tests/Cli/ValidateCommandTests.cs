using System.Text.Json;
using GeoPrevention.MapHost.Cli;

namespace GeoPrevention.MapHost.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class ValidateCommandTests
{
    [TestMethod]
    public void Validate_DemoAtlas_IsCleanAndExitsZero()
    {
        var (exit, stdout, stderr) = CliRunner.Run("validate", CliRunner.DemoAtlasPath);

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        Assert.Contains("Result: clean", stdout);
        Assert.Contains("Layer sozialraeume: 54 districts, EPSG:25832", stdout);
        Assert.AreEqual("", stderr);
    }

    [TestMethod]
    public void Validate_DemoAtlasJson_ReportsLayersAndSuppressionCountsOfTheAtlas()
    {
        var (exit, stdout, _) = CliRunner.Run("validate", CliRunner.DemoAtlasPath, "--json");

        Assert.AreEqual(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.AreEqual("clean", root.GetProperty("status").GetString());
        Assert.AreEqual(4, root.GetProperty("layers").GetArrayLength());
        var stats = CliRunner.DemoAtlas.View.Suppression.Statistics;
        var tables = root.GetProperty("privacy").GetProperty("tables").EnumerateArray().ToList();
        Assert.HasCount(stats.Count, tables);
        foreach (var s in stats)
        {
            var t = tables.Single(t => t.GetProperty("table").GetString() == s.Table);
            Assert.AreEqual(s.Primary, t.GetProperty("primary").GetInt32(), s.Table);
            Assert.AreEqual(s.Secondary, t.GetProperty("secondary").GetInt32(), s.Table);
        }

        // The demo is built so that confidentiality bites: SGB II counts of small Sozialräume are suppressed.
        Assert.IsGreaterThan(0, tables.Single(t => t.GetProperty("table").GetString() == "sozialraumdaten.kinder_u15_sgb2").GetProperty("primary").GetInt32());
    }

    [TestMethod]
    public void Validate_BadJson_ExitsThreeAndNamesLineAndColumn()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        File.WriteAllText(atlas, "{\n  \"title\": \"x\",\n  \"layers\": [ }\n");

        var (exit, stdout, stderr) = CliRunner.Run("validate", atlas);

        Assert.AreEqual(ExitCodes.InputError, exit);
        Assert.Contains("not valid JSON", stdout);
        Assert.Contains("line 3", stdout);
        Assert.Contains("not valid JSON", stderr);
    }

    [TestMethod]
    public void Validate_UnknownColumn_ExitsOneAndNamesColumnAndJsonPath()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        File.WriteAllText(atlas, File.ReadAllText(atlas).Replace("\"numerator\": \"hze_faelle\"", "\"numerator\": \"hze_faelle_typo\"", StringComparison.Ordinal));

        var (exit, stdout, stderr) = CliRunner.Run("validate", atlas, "--json");

        Assert.AreEqual(ExitCodes.Findings, exit);
        var problem = SingleError(stdout);
        Assert.AreEqual("$.indicators[5].numerator", problem.GetProperty("path").GetString());
        Assert.Contains("'hze_faelle_typo'", problem.GetProperty("message").GetString()!);
        Assert.Contains("1 blocking problem", stderr);
    }

    [TestMethod]
    public void Validate_MissingFile_ExitsOneAndNamesJsonPath()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        File.Delete(Path.Combine(Path.GetDirectoryName(atlas)!, "shapes", "gemeinden.gpkg"));

        var (exit, stdout, _) = CliRunner.Run("validate", atlas);

        Assert.AreEqual(ExitCodes.Findings, exit);
        Assert.Contains("$.layers[1].file: File 'shapes/gemeinden.gpkg' does not exist.", stdout);
    }

    [TestMethod]
    public void Validate_PathEscapingTheFolder_ExitsOneAndNamesJsonPath()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        File.WriteAllText(atlas, File.ReadAllText(atlas).Replace("\"file\": \"indicators/sozialraeume_2015_2025.csv\"", "\"file\": \"../indicators/sozialraeume_2015_2025.csv\"", StringComparison.Ordinal));

        var (exit, stdout, _) = CliRunner.Run("validate", atlas);

        Assert.AreEqual(ExitCodes.Findings, exit);
        Assert.Contains("$.tables[0].file: '../indicators/sozialraeume_2015_2025.csv' leaves the atlas folder.", stdout);
    }

    [TestMethod]
    public void Validate_KeyMismatch_ExitsOneAndNamesBothKeysAndTable()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        var csv = Path.Combine(Path.GetDirectoryName(atlas)!, "indicators", "sozialraeume_2015_2025.csv");
        var text = File.ReadAllText(csv);
        Assert.Contains("05570052-03;", text, "the demo table should have Sozialraum 05570052-03");
        File.WriteAllText(csv, text.Replace("05570052-03;", "05570052-93;", StringComparison.Ordinal));

        var (exit, stdout, _) = CliRunner.Run("validate", atlas, "--json");

        Assert.AreEqual(ExitCodes.Findings, exit);
        using var json = JsonDocument.Parse(stdout);
        var joins = json.RootElement.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("category").GetString() == "join").ToList();
        Assert.HasCount(2, joins);
        Assert.IsTrue(joins.All(p => p.GetProperty("path").GetString() == "$.tables[0]" && p.GetProperty("severity").GetString() == "error"));
        Assert.IsTrue(joins.Any(p => p.GetProperty("message").GetString()!.Contains("'05570052-93'", StringComparison.Ordinal)));
        Assert.IsTrue(joins.Any(p => p.GetProperty("message").GetString()!.Contains("'05570052-03'", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Validate_SchemaViolation_NamesJsonPath()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        File.WriteAllText(atlas, File.ReadAllText(atlas).Replace("\"threshold\": 3", "\"threshold\": \"drei\"", StringComparison.Ordinal));

        var (exit, stdout, _) = CliRunner.Run("validate", atlas);

        Assert.AreEqual(ExitCodes.Findings, exit);
        Assert.Contains("$.privacy.threshold", stdout);
    }

    [TestMethod]
    public void Validate_LayerInWgs84_IsReprojectedAndSaysSo()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        var gpkg = Path.Combine(Path.GetDirectoryName(atlas)!, "shapes", "gemeinden.gpkg");
        var wgs84 = GeoPrevention.Geo.Crs.Reprojector.Reproject(GeoPrevention.Geo.IO.VectorLayerReader.Read(gpkg), 4326);
        GeoPrevention.Geo.IO.VectorLayerWriter.WriteGeoPackage(wgs84, Path.Combine(Path.GetDirectoryName(gpkg)!, "gemeinden_wgs84.gpkg"));
        File.WriteAllText(atlas, File.ReadAllText(atlas).Replace("shapes/gemeinden.gpkg", "shapes/gemeinden_wgs84.gpkg", StringComparison.Ordinal));

        var (exit, stdout, stderr) = CliRunner.Run("validate", atlas);

        Assert.AreEqual(ExitCodes.Ok, exit, stderr + stdout);
        Assert.Contains("Layer gemeinden: 13 districts, EPSG:25832 (ETRS89 / UTM zone 32N), reprojected", stdout);
        Assert.Contains("Layer sozialraeume: 54 districts, EPSG:25832 (ETRS89 / UTM zone 32N), declared", stdout);
    }

    [TestMethod]
    public void Validate_AtlasFolderArgument_FindsAtlasJson()
    {
        var (exit, stdout, _) = CliRunner.Run("validate", Path.GetDirectoryName(CliRunner.DemoAtlasPath)!);

        Assert.AreEqual(ExitCodes.Ok, exit);
        Assert.Contains($"Atlas: {CliRunner.DemoAtlasPath}", stdout);
    }

    private static JsonElement SingleError(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        var errors = json.RootElement.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("severity").GetString() == "error").ToList();
        Assert.HasCount(1, errors, stdout);
        return errors[0].Clone();
    }
}
