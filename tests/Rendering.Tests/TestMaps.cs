using System.Text.Json;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace GeoPrevention.Rendering.Tests;

/// <summary>Test inputs: inline WKT shapes and the Kreis Warendorf municipalities from ../shared/realdata.</summary>
internal static class TestMaps
{
    /// <summary>Breaks of the Warendorf test classes (right-closed), k = 4.</summary>
    public static readonly double[] WarendorfBreaks = [2.0, 6.0, 10.0, 14.0, 22.5];

    /// <summary>Hand-assigned test values per AGS (not real statistics).</summary>
    public static readonly IReadOnlyDictionary<string, double> WarendorfValues = new Dictionary<string, double>
    {
        ["05570004"] = 21.3, // Ahlen → class 3
        ["05570008"] = 14.0, // Beckum: equal to a break → class 2 (right-closed)
        ["05570012"] = 9.0,  // Beelen: suppressed in the test
        ["05570016"] = 5.1,  // Drensteinfurt → 0
        ["05570020"] = 11.8, // Ennigerloh → 2
        ["05570024"] = 4.2,  // Everswinkel → 0
        ["05570028"] = 12.6, // Oelde → 2
        ["05570032"] = 2.0,  // Ostbevern: the minimum → 0
        ["05570036"] = 7.7,  // Sassenberg → 1 (unreliable in the test)
        ["05570040"] = 8.9,  // Sendenhorst → 1
        ["05570044"] = 6.0,  // Telgte: equal to a break → 0
        ["05570048"] = 10.4, // Wadersloh → 2
        ["05570052"] = 9.6,  // Warendorf → 1
    };

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private static readonly Lazy<IReadOnlyList<(string Ags, string Name, Geometry Geometry)>> Warendorf = new(LoadWarendorf);

    public static WKTReader Wkt { get; } = new();

    public static Geometry Read(string wkt) => Wkt.Read(wkt);

    /// <summary>The 13 municipalities of Kreis Warendorf (AGS 05570004…05570052), EPSG:25832, from NRW DVG2 2023.</summary>
    public static IReadOnlyList<(string Ags, string Name, Geometry Geometry)> WarendorfMunicipalities => Warendorf.Value;

    /// <summary>Class index for a value with right-closed intervals (first class includes its minimum).</summary>
    public static int ClassOf(double value, IReadOnlyList<double> breaks)
    {
        for (var i = 1; i < breaks.Count; i++)
        {
            if (value <= breaks[i])
            {
                return i - 1;
            }
        }

        return breaks.Count - 2;
    }

    /// <summary>The Warendorf test map: classes from <see cref="WarendorfValues"/>, Beelen suppressed, Sassenberg unreliable, the four youth-welfare areas outlined.</summary>
    public static MapSpec WarendorfSpec(PageSize? page = null)
    {
        var features = new List<MapFeature>();
        var counts = new int[WarendorfBreaks.Length - 1];
        foreach (var (ags, name, geometry) in WarendorfMunicipalities)
        {
            var cls = ClassOf(WarendorfValues[ags], WarendorfBreaks);
            var fill = ags switch
            {
                "05570012" => FillState.Suppressed,
                "05570036" => FillState.Unreliable(cls),
                _ => FillState.Class(cls),
            };
            if (fill.HasClassColor)
            {
                counts[cls]++;
            }

            features.Add(new MapFeature { Key = ags, Geometry = geometry, Fill = fill, Label = name });
        }

        var byAgs = WarendorfMunicipalities.ToDictionary(m => m.Ags, m => m.Geometry);
        string[] own = ["05570004", "05570008", "05570028"];
        var kreisJa = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union([.. byAgs.Where(kv => !own.Contains(kv.Key)).Select(kv => kv.Value)]);
        return new MapSpec
        {
            Layers = [new MapLayer { Name = "Gemeinden", Features = features }],
            Palette = Palette.Sequential("YlOrRd", 4),
            Legend = LegendSpec.FromBreaks(WarendorfBreaks, counts, IntervalClosure.RightClosed, 1, "je 100 Kinder unter 15 Jahren", "SGB-II-Quote (Testwerte)"),
            Title = "Kinderarmut im Kreis Warendorf",
            Subtitle = "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften, 2023 (Testwerte)",
            Source = "Testdaten GeoPrevention",
            DataDate = "31.12.2023",
            Attribution = "Geometrie: Land NRW (2023), dl-de/zero-2-0",
            Outlines = [new OutlineLayer { Geometries = [byAgs["05570004"], byAgs["05570008"], byAgs["05570028"], kreisJa] }],
            Page = page ?? PageSize.FromPixels(1000, 760, 96),
        };
    }

    /// <summary>Folder for generated images (for review): tests/Rendering.Tests/TestResults/Generated.</summary>
    public static string GeneratedPath(string fileName)
    {
        var dir = TestPaths.Repo("tests", "Rendering.Tests", "TestResults", "Generated");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, fileName);
    }

    public static byte[] RenderPng(MapSpec spec, out MapRenderResult result)
    {
        using var ms = new MemoryStream();
        result = MapRenderer.RenderPng(spec, ms);
        return ms.ToArray();
    }

    private static List<(string, string, Geometry)> LoadWarendorf()
    {
        var path = TestPaths.RealData("nrw-dvg2-2023", "nrw_gem_396_dvg2_epsg25832.geojson");
        var fc = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), GeoJsonOptions)
            ?? throw new InvalidDataException(path + " holds no feature collection.");
        var list = new List<(string, string, Geometry)>();
        foreach (IFeature f in fc)
        {
            var ags = Convert.ToString(f.Attributes["AGS"], System.Globalization.CultureInfo.InvariantCulture)!;
            if (WarendorfValues.ContainsKey(ags))
            {
                list.Add((ags, Convert.ToString(f.Attributes["GN"], System.Globalization.CultureInfo.InvariantCulture)!, f.Geometry));
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return list;
    }
}
