using System.Text;
using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>Hand-written GeoJSON and TopoJSON with hand-computed coordinates.</summary>
[TestClass]
public sealed class JsonReaderTests
{
    // Two unit squares sharing the edge x = 1, quantized with scale 0.5 / 0.25 and translate (7, 51):
    // arc 0 = shared edge (1,0)->(1,1), arc 1 = left square's other three sides (1,1)->(0,1)->(0,0)->(1,0),
    // arc 2 = right square's other sides (1,0)->(2,0)->(2,1)->(1,1). Quantized: x = 7 + 0.5*qx, y = 51 + 0.25*qy,
    // so (1,0) = q(2,0) ... positions are delta-encoded.
    private const string Topology = """
        {"type":"Topology",
         "transform":{"scale":[0.5,0.25],"translate":[7,51]},
         "arcs":[
           [[2,0],[0,4]],
           [[2,4],[-2,0],[0,-4],[2,0]],
           [[2,0],[2,0],[0,4],[-2,0]]
         ],
         "objects":{
           "first":{"type":"GeometryCollection","geometries":[
             {"type":"Polygon","arcs":[[0,1]],"properties":{"AGS":"05570004","GEN":"Ahlen"},"id":"05570004"},
             {"type":"Polygon","arcs":[[2,-1]],"properties":{"AGS":"05570008","GEN":"Beckum"},"id":"05570008"},
             {"type":null,"properties":{"AGS":"05570099","GEN":"ohne"}},
             {"type":"MultiPolygon","arcs":[],"properties":{"AGS":"05570098","GEN":"leer"}}
           ]},
           "second":{"type":"GeometryCollection","geometries":[
             {"type":"Point","coordinates":[4,4],"properties":{"name":"Mitte"}}
           ]}
         }}
        """;

    [TestMethod]
    public void Read_QuantizedTopology_DecodesDeltaArcsAndSharedEdges()
    {
        var layer = VectorLayerReader.Read(Write("t.topojson", Topology));

        Assert.AreEqual("TopoJSON", layer.Format);
        Assert.HasCount(4, layer.Features);
        var left = (Polygon)layer.Features[0].Geometry!;
        var right = (Polygon)layer.Features[1].Geometry!;
        // Left square (0..1 x 0..1 in quantized units ×2 / ×4) is lon 7..8, lat 51..52 → area 1 square degree.
        Assert.AreEqual(new Envelope(7, 8, 51, 52), left.EnvelopeInternal);
        Assert.AreEqual(new Envelope(8, 9, 51, 52), right.EnvelopeInternal);
        Assert.AreEqual(1.0, left.Area, 1e-12);
        Assert.AreEqual(1.0, right.Area, 1e-12);
        Assert.AreEqual(5, left.NumPoints);
        Assert.IsTrue(left.IsValid && right.IsValid);
        Assert.IsTrue(left.Touches(right), "the shared arc must give a common edge");
        Assert.AreEqual(1.0, left.Intersection(right).Length, 1e-12);
    }

    [TestMethod]
    public void Read_Topology_KeepsNullAndEmptyFeaturesWithDiagnosticsAndIdAttribute()
    {
        var layer = VectorLayerReader.Read(Write("t.topojson", Topology));

        Assert.IsNull(layer.Features[2].Geometry);
        Assert.IsTrue(layer.Features[3].Geometry is MultiPolygon { IsEmpty: true });
        Assert.AreEqual(2, layer.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.NullGeometry).FeatureIndex);
        Assert.AreEqual(3, layer.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.EmptyGeometry).FeatureIndex);
        CollectionAssert.AreEqual(new[] { "AGS", "GEN", "id" }, layer.Fields.ToArray());
        Assert.AreEqual("05570004", layer.Features[0].Attributes["id"]);
        Assert.IsFalse(layer.Features[2].Attributes.ContainsKey("id"));
        Assert.AreEqual(4326, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.FormatDefault, layer.Crs.Origin);
    }

    [TestMethod]
    public void Read_TopologyObjectByName_ReadsThatObjectWithQuantizedPoint()
    {
        var layer = VectorLayerReader.Read(Write("t.json", Topology), new VectorReadOptions { LayerName = "second" });

        Assert.HasCount(1, layer.Features);
        var p = (Point)layer.Features[0].Geometry!;
        Assert.AreEqual(9.0, p.X); // 7 + 0.5 * 4
        Assert.AreEqual(52.0, p.Y); // 51 + 0.25 * 4
    }

    [TestMethod]
    public void Read_TopologyUnknownObject_ListsObjects()
    {
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(Write("t.topojson", Topology), new VectorReadOptions { LayerName = "third" }));

        StringAssert.Contains(ex.Message, "first, second", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_TopologyWithoutTransform_UsesAbsoluteArcs()
    {
        var json = """
            {"type":"Topology","arcs":[[[7.5,51.5],[8.5,51.5],[8.5,52.5],[7.5,52.5],[7.5,51.5]]],
             "objects":{"o":{"type":"Polygon","arcs":[[0]],"properties":{"k":1}}}}
            """;

        var layer = VectorLayerReader.Read(Write("abs.topojson", json));

        Assert.AreEqual(new Envelope(7.5, 8.5, 51.5, 52.5), layer.Features[0].Geometry!.EnvelopeInternal);
        Assert.AreEqual(1L, layer.Features[0].Attributes["k"]);
    }

    [TestMethod]
    public void Read_TopologyReversedArcInHole_BuildsPolygonWithHole()
    {
        // Outer ring arc 0 (0,0)->(4,0)->(4,4)->(0,4)->(0,0); hole arc 1 written counter-clockwise, used reversed (~1 = -2).
        var json = """
            {"type":"Topology","arcs":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[3,1],[3,3],[1,3],[1,1]]],
             "objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0],[-2]]}]}}}
            """;

        var polygon = (Polygon)VectorLayerReader.Read(Write("hole.topojson", json), new VectorReadOptions { CrsEpsg = 25832 }).Features[0].Geometry!;

        Assert.AreEqual(1, polygon.NumInteriorRings);
        Assert.AreEqual(12.0, polygon.Area, 1e-12);
        Assert.AreEqual(new Coordinate(1, 3), polygon.GetInteriorRingN(0).GetCoordinateN(1));
    }

    [TestMethod]
    [DataRow("{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}}")]
    [DataRow("{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:25832\"}}")]
    [DataRow("{\"type\":\"EPSG\",\"properties\":{\"code\":25832}}")]
    public void Read_GeoJsonLegacyCrsMember_IsDeclared(string crs)
    {
        var json = "{\"type\":\"FeatureCollection\",\"crs\":" + crs + ",\"features\":[{\"type\":\"Feature\",\"properties\":{\"AGS\":\"05570052\"},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[430473.93,5756260.81]}}]}";

        var layer = VectorLayerReader.Read(Write("legacy.geojson", json));

        Assert.AreEqual(25832, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Declared, layer.Crs.Origin);
        Assert.AreEqual(25832, layer.Features[0].Geometry!.SRID);
        Assert.IsFalse(layer.Diagnostics.Any(d => d.Kind == GeoDiagnosticKind.CrsDetected));
    }

    [TestMethod]
    public void Read_GeoJsonCrsOverride_WinsAndSaysSo()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[3430518.74,5758123.84]}}]}";

        var layer = VectorLayerReader.Read(Write("gk.geojson", json), new VectorReadOptions { CrsEpsg = 31467 });

        Assert.AreEqual(31467, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Overridden, layer.Crs.Origin);
    }

    [TestMethod]
    public void Read_GeoJsonGaussKrugerWithoutCrs_DetectsZone3()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[3430518.74,5758123.84]}}]}";

        var layer = VectorLayerReader.Read(Write("gk.geojson", json));

        Assert.AreEqual(31467, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Detected, layer.Crs.Origin);
    }

    [TestMethod]
    public void Read_GeoJsonValueKinds_MapToDocumentedTypes()
    {
        var json = "\uFEFF{\"type\":\"Feature\",\"id\":7,\"properties\":{\"ags\":\"05570004\",\"n\":12,\"r\":12.5,\"b\":true,\"z\":null,\"o\":{\"a\":1}},"
            + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[7.9,51.9],[8.0,51.9],[8.0,52.0],[7.9,51.9]]],[[[8.1,51.9],[8.2,51.9],[8.2,52.0],[8.1,51.9]]]]}}";

        var f = VectorLayerReader.Read(Write("one.geojson", json)).Features.Single();

        Assert.AreEqual("05570004", f.Attributes["ags"]);
        Assert.AreEqual(12L, f.Attributes["n"]);
        Assert.AreEqual(12.5, f.Attributes["r"]);
        Assert.AreEqual(true, f.Attributes["b"]);
        Assert.IsNull(f.Attributes["z"]);
        Assert.AreEqual("{\"a\":1}", f.Attributes["o"]);
        Assert.AreEqual(7L, f.Attributes["id"]);
        Assert.AreEqual(2, ((MultiPolygon)f.Geometry!).NumGeometries);
    }

    [TestMethod]
    public void Read_CollapsedThreePositionRing_IsPaddedKeptAndReported()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[7.6,50.6],[7.7,50.7],[7.6,50.6]]]}}]}";

        var layer = VectorLayerReader.Read(Write("collapsed.geojson", json));

        var g = layer.Features[0].Geometry!;
        Assert.IsFalse(g.IsEmpty);
        Assert.AreEqual(4, g.NumPoints);
        Assert.IsFalse(g.IsValid);
        Assert.IsTrue(layer.Diagnostics.Any(d => d.FeatureIndex == 0 && d.Message.Contains("only 3 positions", StringComparison.Ordinal)));
    }

    private static string Write(string name, string content)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
