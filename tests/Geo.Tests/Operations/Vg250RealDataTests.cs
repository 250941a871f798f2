using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace GeoPrevention.Geo.Tests.Operations;

/// <summary>
/// BKG VG250 municipalities (bkg-vg250-gem-topojson, see its README): 11,103 features, 10,949 distinct AGS,
/// 154 repeated AGS (land and water parts), 1 null geometry, 4 empty multipolygons, 47 invalid non-empty geometries
/// as counted by GEOS 3.11.
/// </summary>
[TestClass]
public sealed class Vg250RealDataTests
{
    private static readonly Lazy<VectorLayer> Germany = new(() => VectorLayerReader.Read(TestPaths.RealData("bkg-vg250-gem-topojson", "germany_gem_vg250_wgs84.geojson")));

    [TestMethod]
    public void Validate_Germany_NtsFindsTheSame47InvalidGeometriesAsGeos()
    {
        var result = GeometryValidator.Validate(Germany.Value, new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Keep, KeyField = "AGS" });

        // NTS 2.6 IsValidOp finds 47, the count of the README (GEOS 3.11). Cross-checked here with shapely 1.8.5 /
        // GEOS 3.11.1 explain_validity: the same 47 features and the same kinds — 39 "Too few points in geometry
        // component" (rings collapsed by the simplification, e.g. 07132001 Almersbach is the ring a-b-a),
        // 6 self-intersections, 1 "Hole lies outside shell", 1 "Nested shells". Both libraries implement the same
        // rewritten validity algorithm (JTS 1.18 → NTS 2.2 / GEOS 3.10) with the OGC rule that self-touching rings
        // forming holes are invalid, so the counts agree. The one observable difference is a location: for 03358019
        // Schneverdingen (NestedShells) GEOS reports the vertex (9.729721 53.096994), NTS (9.722873, 53.098173) —
        // two corners of the same misplaced enclave triangle.
        Assert.HasCount(47, result.InvalidGeometries);
        Assert.AreEqual(39, result.InvalidGeometries.Count(i => i.Kind == TopologyValidationErrors.TooFewPoints));
        Assert.AreEqual(6, result.InvalidGeometries.Count(i => i.Kind == TopologyValidationErrors.SelfIntersection));
        Assert.AreEqual(TopologyValidationErrors.HoleOutsideShell, result.InvalidGeometries.Single(i => i.Key == "03358017").Kind);
        var nested = result.InvalidGeometries.Single(i => i.Key == "03358019");
        Assert.AreEqual(TopologyValidationErrors.NestedShells, nested.Kind);
        Assert.AreEqual(9.722873, nested.Location!.X, 1e-9);
        Assert.AreEqual(53.098173, nested.Location.Y, 1e-9);
        Assert.AreEqual(TopologyValidationErrors.TooFewPoints, result.InvalidGeometries.Single(i => i.Key == "07132001").Kind);
        Assert.AreEqual(1, result.NullCount);
        Assert.AreEqual("03457501", result.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.NullGeometry).Key);
        CollectionAssert.AreEqual(
            new[] { "01054039", "08335066", "13074087", "13075106" },
            result.Diagnostics.Where(d => d.Kind == GeoDiagnosticKind.EmptyGeometry).Select(d => d.Key).ToArray());
    }

    [TestMethod]
    public void FromLayer_Germany_RepairsAndDissolvesLandAndWaterParts()
    {
        var layer = DistrictLayer.FromLayer(Germany.Value, new DistrictLayerOptions { KeyField = "AGS", NameField = "GEN" });

        Assert.AreEqual(10949, layer.Count);
        Assert.AreEqual(154, layer.Diagnostics.Count(d => d.Kind == GeoDiagnosticKind.DuplicateKey));
        Assert.AreEqual(47, layer.Diagnostics.Count(d => d.Kind == GeoDiagnosticKind.RepairedGeometry));
        var changed = layer.Diagnostics.Where(d => d.Kind is GeoDiagnosticKind.RepairedGeometry or GeoDiagnosticKind.DuplicateKey).Select(d => d.Key!).Distinct().ToArray();
        Assert.IsTrue(changed.All(k => layer.Find(k)!.Geometry.IsValid));
        // The 39 collapsed rings repair to empty geometries: those municipalities (Halligen, small islands) have no area left.
        Assert.IsTrue(layer.Find("07132001")!.Geometry.IsEmpty);
        var flensburg = layer.Find("01001000")!;
        Assert.AreEqual("Flensburg", flensburg.Name);
        Assert.HasCount(2, flensburg.SourceIndices);
    }

    [TestMethod]
    public void Queen_KreisWarendorf_KnownAdjacencies()
    {
        var source = VectorLayerReader.Read(TestPaths.RealData("bkg-vg250-gem-topojson", "kreis_warendorf_gem_vg250_wgs84.geojson"));
        var layer = DistrictLayer.FromLayer(source, new DistrictLayerOptions { KeyField = "AGS", NameField = "GEN" });

        var nb = Contiguity.Compute(layer, ContiguityKind.Queen);

        Assert.AreEqual(13, layer.Count);
        Assert.AreEqual("05570004", layer.Keys[0]);
        // Neighbours within the Kreis, checked against the map (e.g. Beelen borders Warendorf, Sassenberg, Ennigerloh and
        // Oelde, but not Ostbevern, which lies beyond Warendorf to the north-west).
        string[][] expected =
        [
            ["05570004", "05570008", "05570016", "05570020", "05570040"], // Ahlen: Beckum, Drensteinfurt, Ennigerloh, Sendenhorst
            ["05570008", "05570004", "05570020", "05570028", "05570048"], // Beckum: Ahlen, Ennigerloh, Oelde, Wadersloh
            ["05570012", "05570020", "05570028", "05570036", "05570052"], // Beelen: Ennigerloh, Oelde, Sassenberg, Warendorf
            ["05570016", "05570004", "05570040"],                         // Drensteinfurt: Ahlen, Sendenhorst
            ["05570028", "05570008", "05570012", "05570020", "05570048"], // Oelde: Beckum, Beelen, Ennigerloh, Wadersloh
            ["05570032", "05570044", "05570052"],                         // Ostbevern: Telgte, Warendorf
            ["05570044", "05570024", "05570032", "05570052"],             // Telgte: Everswinkel, Ostbevern, Warendorf
            ["05570052", "05570012", "05570020", "05570024", "05570032", "05570036", "05570040", "05570044"], // Warendorf
        ];
        foreach (var row in expected)
        {
            CollectionAssert.AreEqual(row[1..], nb.NeighbourKeys(row[0]).ToArray(), layer.Find(row[0])!.Name);
        }

        Assert.AreEqual(48L, nb.LinkCount);
        Assert.IsEmpty(nb.Islands);
        Assert.AreEqual(1, nb.ComponentCount);
        Assert.AreEqual(0L, Contiguity.Compute(layer, ContiguityKind.Rook).LinkCount - nb.LinkCount);
    }

    [TestMethod]
    public void Union_KreisWarendorf_OneValidPolygonWithoutHoles()
    {
        var source = VectorLayerReader.Read(TestPaths.RealData("bkg-vg250-gem-topojson", "kreis_warendorf_gem_vg250_wgs84.geojson"));
        var layer = DistrictLayer.FromLayer(source, "AGS");

        var result = Dissolve.ByKey(layer.Geometries, Enumerable.Repeat<string?>("05570", layer.Count).ToArray());

        var kreis = (Polygon)result.Groups.Single().Geometry;
        Assert.IsTrue(kreis.IsValid);
        Assert.AreEqual(0, kreis.NumInteriorRings);
        // The shared arcs of the TopoJSON decode are bit-identical, so the exact coverage union applies (no fallback).
        Assert.IsEmpty(result.Diagnostics);
        Assert.AreEqual(layer.Geometries.Sum(g => g.Area), kreis.Area, 1e-9 * kreis.Area);
    }
}
