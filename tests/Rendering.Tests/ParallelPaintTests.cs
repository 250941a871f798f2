using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering.Tests;

/// <summary>
/// Large raster panels are painted in four horizontal tiles on several threads (MapPainter.PaintLayers): the bytes must not
/// depend on the thread count, and must stay within a few 1/255 of one untiled canvas, for antialiased fills with borders and
/// for dense banded fills; maps with hatching or dot screens are not tiled.
/// </summary>
[TestClass]
public sealed class ParallelPaintTests
{
    private static readonly Palette Five = Palette.Sequential("YlOrRd", 5);

    [TestMethod]
    public void RenderPng_VoronoiDistrictsWithBorders_TilesPaintTheSamePixelsAsOneThread()
    {
        // The side-by-side benchmark's 1,000 districts (../shared/bench/data) on 900 × 900 px at 150 dpi: several hundred px²
        // per district, so fills are antialiased and borders drawn; every 13th without data.
        AssertSamePixels(Voronoi(k => (k % 13) == 0 ? FillState.NoData : FillState.Class(k % 5)), expectBordersSkipped: false);
    }

    [TestMethod]
    public void RenderPng_SuppressedAndUnreliableDistricts_AreNotTiled()
    {
        // Every 7th suppressed (hatched), every 11th unreliable (dotted): their antialiased clip masks would move by more than a
        // few 1/255 along tile boundaries, so such maps are painted on one canvas, byte for byte as without tiles.
        var spec = Voronoi(k => (k % 7) == 0 ? FillState.Suppressed : (k % 11) == 0 ? FillState.Unreliable(k % 5) : FillState.Class(k % 5));

        CollectionAssert.AreEqual(Render(spec, 0, out _).Pixels, Render(spec, 4, out _).Pixels);
    }

    [TestMethod]
    public void RenderPng_DenseGridInBands_TilesPaintTheSamePixelsAsOneThread()
    {
        // 200 × 200 unit squares on 600 px: about 6 px² per cell, below DenseBorderMinAreaPx, so the fills are unantialiased
        // horizontal bands and the tiles cut through bands.
        const int n = 200;
        var factory = new GeometryFactory();
        var features = new List<MapFeature>(n * n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var square = factory.CreatePolygon([new(i, j), new(i + 1, j), new(i + 1, j + 1), new(i, j + 1), new(i, j)]);
                features.Add(new MapFeature { Key = $"{i}/{j}", Geometry = square, Fill = FillState.Class(((i * 3) + (j * 5)) % 5) });
            }
        }

        var spec = new MapSpec
        {
            Layers = [new MapLayer { Features = features, DrawBorders = true }],
            Palette = Five,
            ShowLabels = false,
            Page = PageSize.FromPixels(600, 600, 72),
            Extent = MapExtent.Explicit(new Envelope(0, n, 0, n), 0),
        };

        AssertSamePixels(spec, expectBordersSkipped: true);
    }

    private static MapSpec Voronoi(Func<int, FillState> fill)
    {
        var layer = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var features = layer.Features.Select((f, k) => new MapFeature
        {
            Key = k.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Geometry = f.Geometry!,
            Fill = fill(k),
        }).ToList();
        return new MapSpec
        {
            Layers = [new MapLayer { Features = features, DrawBorders = true, BorderColor = MapColor.FromHex("#808080"), BorderWidthPt = 0.25 }],
            Palette = Five,
            Title = "Parallel gemalt",
            Page = PageSize.FromPixels(900, 900, 150),
        };
    }

    private static void AssertSamePixels(MapSpec spec, bool expectBordersSkipped)
    {
        var untiled = Render(spec, 0, out var plain);
        var one = Render(spec, 1, out _);
        var many = Render(spec, 4, out var tiled);

        Assert.AreEqual(expectBordersSkipped, tiled.BordersSkipped);
        Assert.AreEqual(plain.FeaturesDrawn, tiled.FeaturesDrawn);
        CollectionAssert.AreEqual(one.Pixels, many.Pixels, "the tiles give the same bytes on one thread and on four");

        // Against one untiled canvas: edges cut by a tile boundary are chopped by Skia's edge and hairline clippers, which moves
        // their antialiased coverage slightly (measured: at most 12/255 in 0.06 % of the channels of the Voronoi map); a
        // misplaced tile, a missing or doubled feature would change far more.
        Assert.AreEqual(untiled.Width, many.Width);
        Assert.AreEqual(untiled.Height, many.Height);
        var differing = 0;
        var maxDelta = 0;
        for (var i = 0; i < untiled.Pixels.Length; i++)
        {
            var d = Math.Abs(untiled.Pixels[i] - many.Pixels[i]);
            differing += d > 0 ? 1 : 0;
            maxDelta = Math.Max(maxDelta, d);
        }

        Assert.IsLessThanOrEqualTo(16, maxDelta, $"largest channel difference against the untiled canvas ({differing} channels differ)");
        Assert.IsLessThan(untiled.Pixels.Length / 500, differing, "channels that differ from the untiled canvas (< 0.2 %)");
    }

    private static RgbaImage Render(MapSpec spec, int paintThreads, out MapRenderResult result)
    {
        using var png = new MemoryStream();
        result = MapRenderer.Render(spec, png, MapFormat.Png, paintThreads);
        return RgbaImage.Decode(png.ToArray());
    }
}
