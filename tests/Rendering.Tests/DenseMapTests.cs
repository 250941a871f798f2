using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering.Tests;

/// <summary>Dense maps (banded, unantialiased raster fills) and sub-pixel polygons keep every polygon visible.</summary>
[TestClass]
public sealed class DenseMapTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly Palette Five = Palette.Sequential("YlOrRd", 5);

    [TestMethod]
    public void RenderPng_DenseGrid_EveryCellShowsItsClassColourWithoutGaps()
    {
        // 150 × 150 unit squares on a 500 px page (72 dpi): about 3 px per cell, 9 px² < DenseBorderMinAreaPx (60), so borders
        // are skipped, fills are unantialiased and split into 16 px bands (the frame spans about 28).
        const int n = 150;
        var features = new List<MapFeature>(n * n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                features.Add(new MapFeature { Key = $"{i}/{j}", Geometry = Cell(i, j, 1), Fill = FillState.Class(((i * 7) + (j * 3)) % 5) });
            }
        }

        var spec = Spec(features, new Envelope(0, n, 0, n), 500);

        var png = TestMaps.RenderPng(spec, out var result);
        var image = RgbaImage.Decode(png);

        Assert.IsTrue(result.BordersSkipped);
        Assert.AreEqual(n * n, result.FeaturesDrawn);
        Assert.IsGreaterThan(2.5, result.Layout.Panels[0].PixelsPerMapUnit);
        Assert.IsLessThan(4.0, result.Layout.Panels[0].PixelsPerMapUnit);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var want = Five[((i * 7) + (j * 3)) % 5];
                Assert.AreEqual(want, image.At(result.Layout.MapToPixel(i + 0.5, j + 0.5)), $"cell {i}/{j}");
            }
        }

        // The tessellation tiles the pixels: no background pixel anywhere inside the grid (one pixel in from its edge).
        var topLeft = result.Layout.MapToPixel(0, n);
        var bottomRight = result.Layout.MapToPixel(n, 0);
        for (var y = (int)Math.Ceiling(topLeft.Y) + 1; y < (int)Math.Floor(bottomRight.Y) - 1; y++)
        {
            for (var x = (int)Math.Ceiling(topLeft.X) + 1; x < (int)Math.Floor(bottomRight.X) - 1; x++)
            {
                Assert.AreNotEqual(MapColor.White, image[x, y], $"gap at pixel {x}, {y}");
            }
        }
    }

    [TestMethod]
    public void RenderPng_SubPixelPolygons_ArePaintedAsOnePixelEach()
    {
        // Squares of 0.1 × 0.1 units at about 1.8 px per unit (0.18 px each way, below the 0.3 px vertex decimation): without
        // the one-pixel rule they would vanish. Each must colour the pixel that contains its centre.
        var centres = new[] { (20.05, 20.05), (50.55, 70.25), (80.95, 30.45) };
        var features = centres.Select((c, k) => new MapFeature { Key = $"tiny{k}", Geometry = Cell(c.Item1 - 0.05, c.Item2 - 0.05, 0.1), Fill = FillState.Class(4) }).ToList();
        var spec = Spec(features, new Envelope(0, 100, 0, 100), 200);

        var png = TestMaps.RenderPng(spec, out var result);
        var image = RgbaImage.Decode(png);

        Assert.IsLessThan(0.3, 0.1 * result.Layout.Panels[0].PixelsPerMapUnit);
        foreach (var (x, y) in centres)
        {
            Assert.AreEqual(Five[4], image.At(result.Layout.MapToPixel(x, y)), $"tiny polygon at {x}, {y}");
        }

        Assert.AreEqual(MapColor.White, image.At(result.Layout.MapToPixel(35, 50)), "elsewhere the background");
    }

    private static MapSpec Spec(IReadOnlyList<MapFeature> features, Envelope extent, int px) => new()
    {
        Layers = [new MapLayer { Features = features, DrawBorders = true }],
        Palette = Five,
        ShowScaleBar = false,
        ShowNorthArrow = false,
        ShowLabels = false,
        Page = PageSize.FromPixels(px, px, 72),
        Extent = MapExtent.Explicit(extent, 0),
    };

    private static Polygon Cell(double x, double y, double size) => Factory.CreatePolygon([
        new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
}
