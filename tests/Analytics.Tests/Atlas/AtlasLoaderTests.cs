using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Geo;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Atlas;

[TestClass]
public sealed class AtlasLoaderTests
{
    private const string ValidAtlas = """
        {
          "title": "Test",
          "layers": [
            { "id": "sr", "label": "Sozialräume", "file": "shapes/sr.gpkg", "key": "key", "name": "name", "parent": "gem", "parentLayer": "gem" },
            { "id": "gem", "label": "Gemeinden", "file": "shapes/gem.gpkg", "key": "ags", "name": "name" }
          ],
          "tables": [ { "id": "t", "file": "t.csv", "layer": "sr", "key": "sozialraum", "year": "jahr" } ],
          "indicators": [ { "id": "sgb2", "label": "SGB-II-Quote", "table": "t", "numerator": "a", "denominator": "b", "polarity": "higherIsWorse" } ],
          "goals": [ { "id": "g", "label": "Ziel", "indicator": "sgb2", "scope": { "layer": "gem", "keys": ["05570004"] }, "baselineYear": 2018, "target": 10, "deadline": 2030 } ],
          "map": { "areas": [ { "id": "ahlen", "label": "Ahlen", "layer": "gem", "keys": ["05570004"] } ] }
        }
        """;

    private static string WriteAtlas(string json, bool withFiles = true)
    {
        var dir = TestPaths.NewTempDirectory();
        if (withFiles)
        {
            Directory.CreateDirectory(Path.Combine(dir, "shapes"));
            File.WriteAllText(Path.Combine(dir, "shapes", "sr.gpkg"), "");
            File.WriteAllText(Path.Combine(dir, "shapes", "gem.gpkg"), "");
            File.WriteAllText(Path.Combine(dir, "t.csv"), "");
        }

        var path = Path.Combine(dir, "atlas.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static AtlasValidationException LoadInvalid(string json)
    {
        var path = WriteAtlas(json);
        return Assert.ThrowsExactly<AtlasValidationException>(() => AtlasLoader.Load(path));
    }

    [TestMethod]
    public void Load_ValidAtlas_ResolvesPathsAndDefaults()
    {
        var path = WriteAtlas(ValidAtlas);

        var atlas = AtlasLoader.Load(path);

        Assert.AreEqual("Test", atlas.Title);
        Assert.HasCount(2, atlas.Layers);
        Assert.AreEqual(Path.Combine(Path.GetDirectoryName(path)!, "shapes", "sr.gpkg"), atlas.ResolvePath(atlas.Layers[0].File));
        Assert.AreEqual(AtlasPolarity.HigherIsWorse, atlas.Indicators[0].Polarity);
        Assert.AreEqual(100, atlas.Indicators[0].Scale);
        Assert.AreEqual(3, atlas.Privacy.Threshold);
        Assert.AreEqual(300, atlas.Privacy.MinPopulation);
        Assert.AreEqual("quantile", atlas.Map.Classification);
        Assert.AreEqual("05570004", atlas.Goals[0].Scope.Keys[0]);
    }

    [TestMethod]
    public void Load_BrokenJson_NamesLineAndColumn()
    {
        var path = WriteAtlas("{\n  \"title\": \"x\",\n  \"layers\": [ }\n}");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => AtlasLoader.Load(path));

        Assert.AreEqual(path, ex.FilePath);
        Assert.AreEqual(3L, ex.Line);
        Assert.IsNotNull(ex.Column);
    }

    [TestMethod]
    public void Load_SchemaViolation_NamesJsonPath()
    {
        var ex = LoadInvalid(ValidAtlas.Replace("\"polarity\": \"higherIsWorse\"", "\"polarity\": \"sideways\"", StringComparison.Ordinal));

        Assert.IsTrue(ex.Issues.Any(i => i.JsonPath == "$.indicators[0].polarity"), string.Join("\n", ex.Issues));
    }

    [TestMethod]
    public void Load_UnknownProperty_NamesJsonPath()
    {
        var ex = LoadInvalid(ValidAtlas.Replace("\"key\": \"ags\",", "\"key\": \"ags\", \"colour\": \"red\",", StringComparison.Ordinal));

        Assert.IsTrue(ex.Issues.Any(i => i.JsonPath.StartsWith("$.layers[1]", StringComparison.Ordinal)), string.Join("\n", ex.Issues));
    }

    [TestMethod]
    public void Load_UnknownReferences_ListsEachWithPath()
    {
        var json = ValidAtlas
            .Replace("\"table\": \"t\"", "\"table\": \"nope\"", StringComparison.Ordinal)
            .Replace("\"layer\": \"gem\", \"keys\": [\"05570004\"] }, \"baselineYear\"", "\"layer\": \"kreis\", \"keys\": [\"05570004\"] }, \"baselineYear\"", StringComparison.Ordinal);

        var ex = LoadInvalid(json);

        CollectionAssert.AreEquivalent(
            new[] { "$.indicators[0].table", "$.goals[0].scope.layer" },
            ex.Issues.Select(i => i.JsonPath).ToArray());
    }

    [TestMethod]
    public void Load_PathEscapingFolder_IsRejected()
    {
        var ex = LoadInvalid(ValidAtlas.Replace("\"file\": \"t.csv\"", "\"file\": \"../../etc/passwd\"", StringComparison.Ordinal));

        var issue = ex.Issues.Single();
        Assert.AreEqual("$.tables[0].file", issue.JsonPath);
        StringAssert.Contains(issue.Message, "leaves the atlas folder", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Load_AbsolutePath_IsRejectedBySchema()
    {
        var ex = LoadInvalid(ValidAtlas.Replace("\"file\": \"t.csv\"", "\"file\": \"/etc/passwd\"", StringComparison.Ordinal));

        Assert.IsTrue(ex.Issues.Any(i => i.JsonPath == "$.tables[0].file"), string.Join("\n", ex.Issues));
    }

    [TestMethod]
    public void Load_MissingFile_NamesPath()
    {
        var path = WriteAtlas(ValidAtlas, withFiles: false);

        var ex = Assert.ThrowsExactly<AtlasValidationException>(() => AtlasLoader.Load(path));

        CollectionAssert.AreEquivalent(
            new[] { "$.layers[0].file", "$.layers[1].file", "$.tables[0].file" },
            ex.Issues.Select(i => i.JsonPath).ToArray());
    }

    [TestMethod]
    public void Load_CountWithoutDenominator_RequiresAllowCount()
    {
        var ex = LoadInvalid(ValidAtlas.Replace("\"denominator\": \"b\", ", "", StringComparison.Ordinal));

        Assert.AreEqual("$.indicators[0]", ex.Issues.Single().JsonPath);
    }

    [TestMethod]
    public void Load_DuplicateIds_AreReported()
    {
        var ex = LoadInvalid(ValidAtlas.Replace("\"id\": \"gem\", \"label\"", "\"id\": \"sr\", \"label\"", StringComparison.Ordinal));

        Assert.IsTrue(ex.Issues.Any(i => i.JsonPath == "$.layers[1].id"), string.Join("\n", ex.Issues));
    }

    [TestMethod]
    [DataRow("/layers/0/file", "$.layers[0].file")]
    [DataRow("", "$")]
    [DataRow("/map/areas/12/keys/0", "$.map.areas[12].keys[0]")]
    public void ToJsonPath_ConvertsPointer(string jsonPointer, string expected)
    {
        Assert.AreEqual(expected, AtlasLoader.ToJsonPath(jsonPointer));
    }
}
