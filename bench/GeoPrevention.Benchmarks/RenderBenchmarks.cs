using BenchmarkDotNet.Attributes;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Rendering;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// Choropleth rendering at 1600 × 1600 px: a map-only PNG of 10 000 and 100 000 polygons (peer: QGIS 3.22 map render
/// 0.35 s / 0.84 s) and the finished page with title, legend, scale bar, north arrow and footer as PDF at 100 000
/// (peer: QGIS print layout 1.64 s). Input: a Voronoi tessellation of uniformly random seeds (fixed seed 42) in a
/// 40 × 33 km box (≈ 1 319 km², like the peer data), 5 classes assigned at random (seed 7). The tessellation is built
/// once per parameter in GlobalSetup and not timed.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private MapSpec _mapOnly = null!;
    private MapSpec _finished = null!;

    /// <summary>Number of polygons.</summary>
    [Params(10_000, 100_000)]
    public int N { get; set; }

    /// <summary>Builds the tessellation and the two specs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var features = Tessellation(N);
        var palette = Palette.Sequential("YlOrRd", 5);
        _mapOnly = new MapSpec
        {
            Layers = [new MapLayer { Features = features }],
            Palette = palette,
            ShowScaleBar = false,
            ShowNorthArrow = false,
            ShowLabels = false,
            Page = PageSize.FromPixels(1600, 1600, 96),
        };
        var counts = Enumerable.Range(0, 5).Select(c => features.Count(f => f.Fill.ClassIndex == c)).ToList();
        _finished = _mapOnly with
        {
            Title = "Kinderarmut (synthetische Bezirke)",
            Subtitle = "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften, 2023",
            Legend = LegendSpec.FromBreaks([0, 7.6, 13.0, 19.2, 27.0, 38.0], counts, IntervalClosure.RightClosed, 1, "je 100 Kinder unter 15 Jahren", "SGB-II-Quote"),
            Source = "synthetisch",
            DataDate = "31.12.2023",
            Attribution = "GeoPrevention benchmark",
            ShowScaleBar = true,
            ShowNorthArrow = true,
        };
    }

    /// <summary>Map-only PNG, 1600 × 1600.</summary>
    /// <returns>Bytes written.</returns>
    [Benchmark]
    public long Png()
    {
        using var ms = new MemoryStream();
        MapRenderer.RenderPng(_mapOnly, ms);
        return ms.Length;
    }

    /// <summary>Finished page with legend and furniture as PDF.</summary>
    /// <returns>Bytes written.</returns>
    [Benchmark]
    public long FinishedPdf()
    {
        using var ms = new MemoryStream();
        MapRenderer.RenderPdf(_finished, ms);
        return ms.Length;
    }

    /// <summary>A Voronoi tessellation of <paramref name="n"/> random seeds, clipped to the box, random classes.</summary>
    /// <param name="n">Number of cells.</param>
    /// <returns>The features.</returns>
    public static List<MapFeature> Tessellation(int n)
    {
        var factory = new GeometryFactory();
        var box = new Envelope(400_000, 440_000, 5_730_000, 5_763_000);
        var random = new Random(42);
        var seeds = new Coordinate[n];
        for (var i = 0; i < n; i++)
        {
            seeds[i] = new Coordinate(box.MinX + (random.NextDouble() * box.Width), box.MinY + (random.NextDouble() * box.Height));
        }

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = box };
        builder.SetSites(seeds);
        var cells = builder.GetDiagram(factory);
        var classes = new Random(7);
        var features = new List<MapFeature>(cells.NumGeometries);
        var clip = factory.ToGeometry(box);
        for (var i = 0; i < cells.NumGeometries; i++)
        {
            var cell = cells.GetGeometryN(i);
            if (!box.Contains(cell.EnvelopeInternal))
            {
                cell = cell.Intersection(clip);
            }

            features.Add(new MapFeature { Key = "SR" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Geometry = cell, Fill = FillState.Class(classes.Next(5)) });
        }

        return features;
    }
}
