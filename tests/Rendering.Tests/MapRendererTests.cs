using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class MapRendererTests
{
    private static readonly Palette Two = new("test", [MapColor.FromHex("#2166ac"), MapColor.FromHex("#b2182b")]);

    private static MapSpec Simple(IReadOnlyList<MapFeature> features, PageSize? page = null) => new()
    {
        Layers = [new MapLayer { Features = features, DrawBorders = false }],
        Palette = Two,
        ShowScaleBar = false,
        ShowNorthArrow = false,
        Page = page ?? PageSize.FromPixels(200, 200, 72),
        Extent = MapExtent.Explicit(new Envelope(0, 100, 0, 100)),
    };

    [TestMethod]
    public void RenderPng_Donut_HoleShowsBackground()
    {
        // arrange: a 100 × 100 square with a 20 × 20 hole in the middle, wound the "wrong" way (hole same direction as shell)
        var donut = TestMaps.Read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))");
        var spec = Simple([new MapFeature { Key = "donut", Geometry = donut, Fill = FillState.Class(0) }]);

        // act
        var png = TestMaps.RenderPng(spec, out var result);
        var image = RgbaImage.Decode(png);

        // assert
        Assert.AreEqual(MapColor.White, image.At(result.Layout.MapToPixel(50, 50)), "hole centre");
        Assert.AreEqual(Two[0], image.At(result.Layout.MapToPixel(20, 50)), "ring");
        Assert.AreEqual(Two[0], image.At(result.Layout.MapToPixel(50, 80)), "ring above the hole");
    }

    [TestMethod]
    public void RenderPng_EnclaveInHoleOfSameClass_IsFilled()
    {
        // An enclave exactly filling the hole of its neighbour, same class: even-odd filling of a shared path would
        // leave it blank; the non-zero rule with normalised orientation fills it.
        var outer = TestMaps.Read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (30 30, 30 70, 70 70, 70 30, 30 30))");
        var enclave = TestMaps.Read("POLYGON ((30 30, 70 30, 70 70, 30 70, 30 30))");
        var spec = Simple(
        [
            new MapFeature { Key = "outer", Geometry = outer, Fill = FillState.Class(1) },
            new MapFeature { Key = "enclave", Geometry = enclave, Fill = FillState.Class(1) },
        ]);

        var image = RgbaImage.Decode(TestMaps.RenderPng(spec, out var result));

        Assert.AreEqual(Two[1], image.At(result.Layout.MapToPixel(50, 50)), "enclave");
        Assert.AreEqual(Two[1], image.At(result.Layout.MapToPixel(10, 10)), "outer");
    }

    [TestMethod]
    public void RenderPng_MultiPolygon_AllPartsFilledGapEmpty()
    {
        var multi = TestMaps.Read("MULTIPOLYGON (((0 0, 40 0, 40 100, 0 100, 0 0)), ((60 0, 100 0, 100 100, 60 100, 60 0), (70 40, 90 40, 90 60, 70 60, 70 40)))");
        var spec = Simple([new MapFeature { Key = "m", Geometry = multi, Fill = FillState.Class(0) }]);

        var image = RgbaImage.Decode(TestMaps.RenderPng(spec, out var result));

        Assert.AreEqual(Two[0], image.At(result.Layout.MapToPixel(20, 50)), "first part");
        Assert.AreEqual(Two[0], image.At(result.Layout.MapToPixel(95, 50)), "second part");
        Assert.AreEqual(MapColor.White, image.At(result.Layout.MapToPixel(50, 50)), "gap between the parts");
        Assert.AreEqual(MapColor.White, image.At(result.Layout.MapToPixel(80, 50)), "hole of the second part");
    }

    [TestMethod]
    public void RenderPng_Donut_MatchesBaseline()
    {
        var donut = TestMaps.Read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))");
        var spec = Simple([new MapFeature { Key = "donut", Geometry = donut, Fill = FillState.Class(0) }]);

        BaselineAssert.MatchesBaseline(TestMaps.RenderPng(spec, out _), "donut");
    }

    [TestMethod]
    public void RenderPng_LabelsAtSamePoint_LargerFirstThenShiftedThenSkipped()
    {
        // Four districts share one label point; by area A > B > C > D. Rules: A at the point, B one line above,
        // C one line below, D has no free candidate and is skipped.
        var at = new Coordinate(50, 50);
        MapFeature F(string key, double size) => new()
        {
            Key = key,
            Geometry = TestMaps.Read(FormattableString.Invariant($"POLYGON ((0 0, {size} 0, {size} {size}, 0 {size}, 0 0))")),
            Fill = FillState.Class(0),
            Label = "Bezirk " + key,
            LabelPoint = at,
        };
        var spec = Simple([F("D", 10), F("B", 80), F("A", 100), F("C", 50)], PageSize.FromPixels(400, 400, 96));

        TestMaps.RenderPng(spec, out var result);

        CollectionAssert.AreEqual(new[] { "A", "B", "C" }, result.LabelsPlaced.ToArray(), string.Join(",", result.LabelsPlaced) + " / " + string.Join(",", result.LabelsSkipped));
        CollectionAssert.AreEqual(new[] { "D" }, result.LabelsSkipped.ToArray());
    }

    [TestMethod]
    public void RenderPng_LabelsFarApart_AllPlacedAtInteriorPoints()
    {
        var spec = Simple(
        [
            new MapFeature { Key = "west", Geometry = TestMaps.Read("POLYGON ((0 0, 45 0, 45 100, 0 100, 0 0))"), Fill = FillState.Class(0), Label = "West" },
            new MapFeature { Key = "east", Geometry = TestMaps.Read("POLYGON ((55 0, 100 0, 100 100, 55 100, 55 0))"), Fill = FillState.Class(1), Label = "Ost" },
        ], PageSize.FromPixels(400, 400, 96));

        var image = RgbaImage.Decode(TestMaps.RenderPng(spec, out var result));

        Assert.HasCount(2, result.LabelsPlaced);
        Assert.IsEmpty(result.LabelsSkipped);
        // Text (dark) near the interior point of "west" (22.5, 50).
        var p = result.Layout.MapToPixel(22.5, 50);
        var darkNear = Enumerable.Range(-12, 25).SelectMany(dx => Enumerable.Range(-6, 13).Select(dy => image[(int)p.X + dx, (int)p.Y + dy])).Count(c => c.R < 128 && c.G < 128 && c.B < 128);
        Assert.IsGreaterThan(10, darkNear);
    }

    [TestMethod]
    public void RenderPng_NoFeatures_ThrowsClearly()
    {
        var spec = Simple([]);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => TestMaps.RenderPng(spec, out _));

        StringAssert.Contains(ex.Message, "no features", StringComparison.Ordinal);
    }

    [TestMethod]
    public void RenderPng_ZeroAreaExtent_Throws()
    {
        var spec = Simple([new MapFeature { Key = "a", Geometry = TestMaps.Read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), Fill = FillState.Class(0) }])
            with
        { Extent = MapExtent.Explicit(new Envelope(5, 5, 0, 10)) };

        var ex = Assert.ThrowsExactly<ArgumentException>(() => TestMaps.RenderPng(spec, out _));

        StringAssert.Contains(ex.Message, "zero area", StringComparison.Ordinal);
    }

    [TestMethod]
    public void RenderPng_OnlyEmptyGeometries_Throws()
    {
        var spec = Simple([new MapFeature { Key = "a", Geometry = Polygon.Empty, Fill = FillState.Class(0) }]) with { Extent = MapExtent.All() };

        var ex = Assert.ThrowsExactly<ArgumentException>(() => TestMaps.RenderPng(spec, out _));

        StringAssert.Contains(ex.Message, "empty", StringComparison.Ordinal);
    }

    [TestMethod]
    public void RenderPng_ClassOutsidePalette_ThrowsNamingKey()
    {
        var spec = Simple([new MapFeature { Key = "05570004", Geometry = TestMaps.Read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), Fill = FillState.Class(2) }]);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => TestMaps.RenderPng(spec, out _));

        StringAssert.Contains(ex.Message, "05570004", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "2 colours", StringComparison.Ordinal);
    }

    [TestMethod]
    public void RenderPng_UnknownExtentKey_ThrowsNamingKey()
    {
        var spec = Simple([new MapFeature { Key = "a", Geometry = TestMaps.Read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))") }])
            with
        { Extent = MapExtent.OfKeys(["a", "zz"]) };

        var ex = Assert.ThrowsExactly<ArgumentException>(() => TestMaps.RenderPng(spec, out _));

        StringAssert.Contains(ex.Message, "zz", StringComparison.Ordinal);
    }

    [TestMethod]
    public void RenderPng_LineGeometry_ThrowsNamingKey()
    {
        var spec = Simple([new MapFeature { Key = "road", Geometry = TestMaps.Read("LINESTRING (0 0, 10 10)") }]);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => TestMaps.RenderPng(spec, out _));

        StringAssert.Contains(ex.Message, "road", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ComputeLayout_ExtentOfKeys_FitsOnlyThoseFeaturesWithMargin()
    {
        // Ahlen only: its envelope (plus 4 % margin) must lie inside the frame and fill it in one direction.
        var spec = TestMaps.WarendorfSpec() with { Extent = MapExtent.OfKeys(["05570004"]) };
        var ahlen = TestMaps.WarendorfMunicipalities.Single(m => m.Ags == "05570004").Geometry.EnvelopeInternal;

        var layout = MapRenderer.ComputeLayout(spec).Panels[0];

        Assert.IsTrue(layout.Extent.Contains(ahlen));
        var margin = 0.04 * Math.Max(ahlen.Width, ahlen.Height);
        var fitsWidth = Math.Abs(layout.Extent.Width - (ahlen.Width + (2 * margin))) < 1e-6;
        var fitsHeight = Math.Abs(layout.Extent.Height - (ahlen.Height + (2 * margin))) < 1e-6;
        Assert.IsTrue(fitsWidth || fitsHeight, "The extent should be exactly the margin-expanded envelope in one direction.");
        var p = layout.MapToPixel(layout.Extent.MinX, layout.Extent.MaxY);
        Assert.AreEqual(layout.Frame.Left, p.X, 1e-9);
        Assert.AreEqual(layout.Frame.Top, p.Y, 1e-9);
        var back = layout.PixelToMap(p.X + 100, p.Y + 50);
        Assert.AreEqual(layout.Extent.MinX + (100 / layout.PixelsPerMapUnit), back.X, 1e-6);
    }

    [TestMethod]
    public void RenderToFile_Failure_LeavesNoFileAndKeepsExisting()
    {
        var dir = TestPaths.NewTempDirectory();
        var target = Path.Combine(dir, "karte.png");
        File.WriteAllText(target, "old");
        var bad = Simple([]);

        Assert.ThrowsExactly<ArgumentException>(() => MapRenderer.RenderToFile(bad, target));

        Assert.AreEqual("old", File.ReadAllText(target));
        CollectionAssert.AreEqual(new[] { "karte.png" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void RenderToFile_AllFormats_WriteFilesWithTheirSignatures()
    {
        var dir = TestPaths.NewTempDirectory();
        var spec = TestMaps.WarendorfSpec();

        foreach (var (ext, signature) in new[] { (".png", "\u0089PNG"), (".svg", "<?xml"), (".pdf", "%PDF") })
        {
            var path = Path.Combine(dir, "karte" + ext);
            MapRenderer.RenderToFile(spec, path);
            var head = File.ReadAllBytes(path).Take(signature.Length).Select(b => (char)b).ToArray();
            Assert.AreEqual(signature, new string(head), ext);
        }

        Assert.HasCount(3, Directory.GetFiles(dir), "no temporary files are left");
        Assert.ThrowsExactly<NotSupportedException>(() => MapRenderer.RenderToFile(spec, Path.Combine(dir, "karte.jpg")));
    }

    [TestMethod]
    public void Render_SameSpecTwice_IsByteIdenticalInEveryFormat()
    {
        var spec = TestMaps.WarendorfSpec();

        foreach (var format in new[] { MapFormat.Png, MapFormat.Svg, MapFormat.Pdf })
        {
            using var a = new MemoryStream();
            using var b = new MemoryStream();
            MapRenderer.Render(spec, a, format);
            MapRenderer.Render(spec, b, format);
            File.WriteAllBytes(TestMaps.GeneratedPath("determinism_a." + format), a.ToArray());
            File.WriteAllBytes(TestMaps.GeneratedPath("determinism_b." + format), b.ToArray());
            CollectionAssert.AreEqual(a.ToArray(), b.ToArray(), format.ToString());
        }
    }

    [TestMethod]
    public void RenderPng_DenseMap_SkipsBordersAndReportsIt()
    {
        // 40 × 40 = 1 600 cells on a 200 × 200 px frame: about 25 px² each, below the 60 px² default.
        var features = new List<MapFeature>();
        for (var i = 0; i < 40; i++)
        {
            for (var j = 0; j < 40; j++)
            {
                features.Add(new MapFeature { Key = $"{i}-{j}", Geometry = TestMaps.Read(FormattableString.Invariant($"POLYGON (({i} {j}, {i + 1} {j}, {i + 1} {j + 1}, {i} {j + 1}, {i} {j}))")), Fill = FillState.Class((i + j) % 2) });
            }
        }

        var spec = Simple(features) with { Extent = MapExtent.All(0), Layers = [new MapLayer { Features = features }] };

        TestMaps.RenderPng(spec, out var result);

        Assert.AreEqual(1600, result.FeaturesDrawn);
        Assert.IsTrue(result.BordersSkipped);
    }
}
