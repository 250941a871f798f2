using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Geo.Tests;

[TestClass]
public sealed class AttributeSchemaTests
{
    [TestMethod]
    public void Row_ValuesByField_ReadLikeADictionaryInFieldOrder()
    {
        var schema = new AttributeSchema(["key", "name", "rate", "missing"]);

        var row = schema.Row("05570004", "Ahlen", 12.5, null);

        Assert.HasCount(4, row);
        CollectionAssert.AreEqual(new[] { "key", "name", "rate", "missing" }, row.Keys.ToArray());
        Assert.AreEqual(12.5, row["rate"]);
        Assert.AreEqual("Ahlen", row["name"]);
        Assert.IsTrue(row.TryGetValue("missing", out var missing));
        Assert.IsNull(missing);
        Assert.IsFalse(row.TryGetValue("Rate", out _), "names compare ordinally");
        Assert.ThrowsExactly<KeyNotFoundException>(() => row["unknown"]);
        CollectionAssert.AreEqual(new[] { "key", "name", "rate", "missing" }, schema.Fields.ToArray());
    }

    [TestMethod]
    public void Constructor_DuplicateOrEmptyName_IsRejectedWithTheName()
    {
        var duplicate = Assert.ThrowsExactly<ArgumentException>(() => new AttributeSchema(["key", "rate", "key"]));
        StringAssert.Contains(duplicate.Message, "'key' appears twice", StringComparison.Ordinal);
        var empty = Assert.ThrowsExactly<ArgumentException>(() => new AttributeSchema(["key", ""]));
        StringAssert.Contains(empty.Message, "Field 1 has no name", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Row_WrongCountOrValueType_IsRejectedWithTheField()
    {
        var schema = new AttributeSchema(["key", "count"]);

        var count = Assert.ThrowsExactly<ArgumentException>(() => schema.Row("05570004"));
        StringAssert.Contains(count.Message, "1 values for 2 fields (key, count)", StringComparison.Ordinal);
        var type = Assert.ThrowsExactly<ArgumentException>(() => schema.Row("05570004", 3)); // an int, not a long
        StringAssert.Contains(type.Message, "field 'count' is a Int32", StringComparison.Ordinal);
    }

    [TestMethod]
    public void WriteGeoJson_SchemaRows_SameBytesAsDictionaryRows()
    {
        // The peer districts (../shared/bench/data) with their attributes once as dictionaries, once as schema rows: the
        // GeoJSON writer must not see a difference.
        var source = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var schema = new AttributeSchema(["sr_id", "name", "area", "note"]);
        var asRows = new List<VectorFeature>();
        var asDictionaries = new List<VectorFeature>();
        foreach (var f in source.Features)
        {
            object?[] values = [f.GetText("sr_id"), f.GetText("name"), f.Geometry!.Area, f.Index % 3 == 0 ? null : "Ä\"ö"];
            asRows.Add(new VectorFeature(f.Index, f.Geometry, schema.Row(values)));
            asDictionaries.Add(new VectorFeature(f.Index, f.Geometry, schema.Fields.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => values[x.i], StringComparer.Ordinal)));
        }

        var dir = TestPaths.NewTempDirectory();
        var rows = Path.Combine(dir, "rows.geojson");
        var dictionaries = Path.Combine(dir, "dictionaries.geojson");
        VectorLayerWriter.WriteGeoJson(new VectorLayer("t", "GeoPackage", source.Crs, schema.Fields, asRows), rows);
        VectorLayerWriter.WriteGeoJson(new VectorLayer("t", "GeoPackage", source.Crs, schema.Fields, asDictionaries), dictionaries);

        CollectionAssert.AreEqual(File.ReadAllBytes(dictionaries), File.ReadAllBytes(rows));
        Assert.IsGreaterThan(100_000L, new FileInfo(rows).Length);
    }
}
