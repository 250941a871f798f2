using GeoPrevention.Geo.Operations;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.Operations;

[TestClass]
public sealed class ContiguityTests
{
    [TestMethod]
    public void Queen_Grid3x3_CornerHas3CentreHas8()
    {
        var nb = Contiguity.Queen(TestLayers.Grid3x3());

        // Hand count: corners 3, edge cells 5, centre 8; links 4·3 + 4·5 + 8 = 40.
        CollectionAssert.AreEqual(new[] { 3, 5, 3, 5, 8, 5, 3, 5, 3 }, nb.Cardinalities());
        Assert.AreEqual(40L, nb.LinkCount);
        CollectionAssert.AreEqual(new[] { 1, 3, 4 }, nb[0].ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3, 5, 6, 7, 8 }, nb[4].ToArray());
        Assert.AreEqual(3, nb.MinNeighbours);
        Assert.AreEqual(8, nb.MaxNeighbours);
        Assert.AreEqual(40d / 9, nb.MeanNeighbours, 1e-12);
        Assert.IsEmpty(nb.Islands);
        Assert.AreEqual(1, nb.ComponentCount);
        Assert.AreEqual(ContiguityKind.Queen, nb.Kind);
    }

    [TestMethod]
    public void Rook_Grid3x3_CornerHas2CentreHas4()
    {
        var nb = Contiguity.Rook(TestLayers.Grid3x3());

        // Same as R spdep 1.2.7 poly2nb(queen = FALSE) on this grid (run on this machine). Hand count: corners 2, edge cells 3, centre 4; links 4·2 + 4·3 + 4 = 24.
        CollectionAssert.AreEqual(new[] { 2, 3, 2, 3, 4, 3, 2, 3, 2 }, nb.Cardinalities());
        Assert.AreEqual(24L, nb.LinkCount);
        CollectionAssert.AreEqual(new[] { 1, 3, 5, 7 }, nb[4].ToArray());
    }

    [TestMethod]
    public void QueenAndRook_Grid100x100_ParallelPathMatchesFormula()
    {
        // 10,000 unit squares (above the parallel threshold). Hand formula for an m×m grid, m = 100:
        // queen links = 4·3 + 4(m−2)·5 + (m−2)²·8 = 78,804; rook = 4·2 + 4(m−2)·3 + (m−2)²·4 = 39,600.
        const int M = 100;
        var cells = new Geometry?[M * M];
        var factory = new GeometryFactory();
        for (var r = 0; r < M; r++)
        {
            for (var c = 0; c < M; c++)
            {
                cells[(r * M) + c] = factory.CreatePolygon([new(c, r), new(c + 1, r), new(c + 1, r + 1), new(c, r + 1), new(c, r)]);
            }
        }

        var queen = Contiguity.Queen(cells);
        var rook = Contiguity.Rook(cells);
        var snapped = Contiguity.Queen(cells, new ContiguityOptions { SnapDistance = 1e-6 });

        Assert.AreEqual(78804L, queen.LinkCount);
        Assert.AreEqual(39600L, rook.LinkCount);
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 100, 102, 200, 201, 202 }, queen[101].ToArray());
        CollectionAssert.AreEqual(new[] { 9898, 9899, 9998 }, queen[9999].ToArray());
        CollectionAssert.AreEqual(queen.Cardinalities(), snapped.Cardinalities());
        Assert.AreEqual(1, rook.ComponentCount);
    }

    [TestMethod]
    public void Queen_DisconnectedBlocks_ReportsIslandsAndComponents()
    {
        Geometry?[] geometries =
        [
            TestLayers.Geom("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
            TestLayers.Geom("POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"),
            TestLayers.Geom("POLYGON((10 0, 11 0, 11 1, 10 1, 10 0))"),
            TestLayers.Geom("POLYGON((11 1, 12 1, 12 2, 11 2, 11 1))"), // touches 2 only at the corner (11 1)
            TestLayers.Geom("POLYGON((20 0, 21 0, 21 1, 20 1, 20 0))"),
            null,
        ];
        var keys = new[] { "a", "b", "c", "d", "e", "f" };

        var queen = Contiguity.Queen(geometries, new ContiguityOptions { Keys = keys });
        var rook = Contiguity.Rook(geometries, new ContiguityOptions { Keys = keys });

        CollectionAssert.AreEqual(new[] { 4, 5 }, queen.Islands.ToArray());
        Assert.AreEqual(4, queen.ComponentCount);
        CollectionAssert.AreEqual(new[] { 0, 0, 1, 1, 2, 3 }, queen.ComponentOf.ToArray());
        CollectionAssert.AreEqual(new[] { "d" }, queen.NeighbourKeys("c").ToArray());
        Assert.AreEqual(0, queen.MinNeighbours);
        Assert.IsTrue(queen.Diagnostics.Any(d => d.Key == "e" && d.Message.Contains("island", StringComparison.Ordinal)));
        Assert.IsTrue(queen.Diagnostics.Any(d => d.Kind == GeoDiagnosticKind.NullGeometry && d.Key == "f"));
        // A single shared corner is not a rook link.
        CollectionAssert.AreEqual(new[] { 2, 3, 4, 5 }, rook.Islands.ToArray());
        Assert.AreEqual(5, rook.ComponentCount);
    }

    [TestMethod]
    public void Rook_CornerAtRingStartOfBoth_NotNeighbours()
    {
        // The shared corner (1 1) is the first and closing vertex of both rings; it counts once, so the pair is a queen
        // but not a rook link. R spdep 1.2.7 (sf 1.0.9) on this machine: card(poly2nb(.., queen = FALSE)) = 0 0,
        // card(poly2nb(.., queen = TRUE)) = 1 1.
        Geometry?[] geometries =
        [
            TestLayers.Geom("POLYGON((1 1, 0 1, 0 0, 1 0, 1 1))"),
            TestLayers.Geom("POLYGON((1 1, 2 1, 2 2, 1 2, 1 1))"),
        ];

        CollectionAssert.AreEqual(new[] { 0, 0 }, Contiguity.Rook(geometries).Cardinalities());
        CollectionAssert.AreEqual(new[] { 1, 1 }, Contiguity.Queen(geometries).Cardinalities());
    }

    [TestMethod]
    public void Queen_TJunctionWithoutSharedVertex_NotNeighbours()
    {
        // Each polygon has a vertex on the other's edge, but they share no vertex: not neighbours, as in spdep
        // (R spdep 1.2.7 on this machine: card(poly2nb(.., queen = TRUE)) = 0 0).
        Geometry?[] geometries =
        [
            TestLayers.Geom("POLYGON((0 0, 2 0, 2 1, 0 1, 0 0))"),
            TestLayers.Geom("POLYGON((1 1, 3 1, 3 2, 1 2, 1 1))"),
        ];

        Assert.AreEqual(0L, Contiguity.Queen(geometries).LinkCount);
    }

    [TestMethod]
    public void Queen_MultiPolygonAndHole_UsesAllRings()
    {
        Geometry?[] geometries =
        [
            TestLayers.Geom("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))"),
            TestLayers.Geom("POLYGON((4 4, 6 4, 6 6, 4 6, 4 4))"), // fills the hole
            TestLayers.Geom("MULTIPOLYGON(((20 0, 21 0, 21 1, 20 1, 20 0)), ((10 0, 11 0, 11 10, 10 10, 10 0)))"), // shares the vertices (10 0) and (10 10)
        ];

        var rook = Contiguity.Rook(geometries);

        CollectionAssert.AreEqual(new[] { 1, 2 }, rook[0].ToArray());
        CollectionAssert.AreEqual(new[] { 0 }, rook[2].ToArray());
    }

    [TestMethod]
    public void Queen_SnapDistance_JoinsNearlyTouchingPolygons()
    {
        Geometry?[] geometries =
        [
            TestLayers.Geom("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
            TestLayers.Geom("POLYGON((1.000001 0, 2 0, 2 1, 1.000001 1, 1.000001 0))"),
        ];

        Assert.AreEqual(0L, Contiguity.Queen(geometries).LinkCount);
        var snapped = Contiguity.Rook(geometries, new ContiguityOptions { SnapDistance = 1e-5 });
        Assert.AreEqual(2L, snapped.LinkCount);
        Assert.AreEqual(0L, Contiguity.Rook(geometries, new ContiguityOptions { SnapDistance = 1e-7 }).LinkCount);
    }

    [TestMethod]
    public void Queen_SnapDistanceOnGrid_EqualsExact()
    {
        var exact = Contiguity.Queen(TestLayers.Grid3x3());
        var snapped = Contiguity.Queen(TestLayers.Grid3x3(), new ContiguityOptions { SnapDistance = 0.01 });
        var rookSnapped = Contiguity.Rook(TestLayers.Grid3x3(), new ContiguityOptions { SnapDistance = 0.01 });

        CollectionAssert.AreEqual(exact.Cardinalities(), snapped.Cardinalities());
        Assert.AreEqual(24L, rookSnapped.LinkCount);
    }

    [TestMethod]
    public void Queen_BadInput_ThrowsArgumentException()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Contiguity.Queen([TestLayers.Geom("LINESTRING(0 0, 1 1)")]));
        Assert.ThrowsExactly<ArgumentException>(() => Contiguity.Queen(TestLayers.Grid3x3(), new ContiguityOptions { Keys = ["a"] }));
        Assert.ThrowsExactly<ArgumentException>(() => Contiguity.Queen(TestLayers.Grid3x3(), new ContiguityOptions { SnapDistance = -1 }));
        Assert.ThrowsExactly<ArgumentException>(() => Contiguity.Queen(TestLayers.Grid3x3(), new ContiguityOptions { SnapDistance = double.NaN }));
    }

    [TestMethod]
    public void Queen_PeerData1000_MatchesSpdep()
    {
        var layer = DistrictLayer.FromLayer(TestLayers.Bench1000, new DistrictLayerOptions { KeyField = "sr_id", NameField = "name" });

        var nb = Contiguity.Compute(layer, ContiguityKind.Queen);

        // R spdep 1.2.7 poly2nb(queen = TRUE) on the same file: ../shared/bench/results/peers-2026-11-28.json, runs.r_1000.results.weights.
        var weights = PeerResults.R(1000).GetProperty("weights");
        Assert.AreEqual(5776L, nb.LinkCount);
        Assert.AreEqual(weights.GetProperty("n_links").GetInt64(), nb.LinkCount);
        Assert.AreEqual(2, nb.MinNeighbours);
        Assert.AreEqual(10, nb.MaxNeighbours);
        Assert.AreEqual(5.776, nb.MeanNeighbours, 1e-12);
        Assert.IsEmpty(nb.Islands);
        Assert.AreEqual(1, nb.ComponentCount);
        foreach (var (id, count) in PeerResults.First20(1000, "weights", "first20_neighbour_counts", "n_neighbours"))
        {
            Assert.AreEqual((int)count, nb.NeighbourKeys(id).Count, $"neighbours of {id}");
        }
    }

    [TestMethod]
    public void Queen_PeerData1000_ListsAreSortedAndSymmetric()
    {
        var layer = DistrictLayer.FromLayer(TestLayers.Bench1000, "sr_id");

        var nb = Contiguity.Compute(layer, ContiguityKind.Rook);

        for (var i = 0; i < nb.Count; i++)
        {
            var list = nb[i];
            for (var k = 0; k < list.Length; k++)
            {
                Assert.AreNotEqual(i, list[k]);
                Assert.IsTrue(k == 0 || list[k - 1] < list[k], $"list {i} not strictly ascending");
                Assert.IsTrue(nb[list[k]].BinarySearch(i) >= 0, $"{i}->{list[k]} not symmetric");
            }
        }

        // On a Voronoi coverage every queen neighbour shares an edge, except cells meeting at a single vertex
        // of degree ≥ 4, which random points almost never produce.
        Assert.AreEqual(5776L, nb.LinkCount);
    }
}
