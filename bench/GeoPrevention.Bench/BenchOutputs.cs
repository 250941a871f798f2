using GeoPrevention.Analytics.Classification;
using GeoPrevention.Geo;
using GeoPrevention.Geo.IO;
using GeoPrevention.Rendering;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Bench;

/// <summary>The output steps: the 1600×1600 PNG (g_render_png) and the joined GeoJSON (h_write_geojson).</summary>
internal static class BenchOutputs
{
    /// <summary>Quantile k=5 classes, YlOrRd (#ffffb2 … #bd0026, as the peers), legend, thin grey borders up to N = 10,000.</summary>
    public static void RenderPng(BenchPipeline.Pass p, string path)
    {
        var q = p.Classes["quantile"];
        var features = new MapFeature[p.Rate.Length];
        for (var k = 0; k < features.Length; k++)
        {
            var cls = q.Classes[k];
            features[k] = new MapFeature
            {
                Key = p.Keys[k],
                Geometry = p.Layer.Features[p.Order[k]].Geometry!,
                Fill = cls >= 0 ? FillState.Class(cls) : FillState.NoData,
            };
        }

        var spec = new MapSpec
        {
            Layers = [new MapLayer { Features = features, DrawBorders = features.Length <= 10_000, BorderColor = MapColor.FromHex("#808080"), BorderWidthPt = 0.25 }],
            Palette = Palette.Sequential("YlOrRd", 5),
            Legend = LegendSpec.FromBreaks(q.Breaks, q.Counts, IntervalClosure.LeftClosed, unit: "%", title: "SGB-II-Quote unter 15"),
            Title = "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften",
            Subtitle = "Synthetische Bezirke, Quantile (k = 5)",
            ShowLabels = false,
            Page = PageSize.FromPixels(1600, 1600, 150),
        };
        MapRenderer.RenderToFile(spec, path, MapFormat.Png);
    }

    /// <summary>sr_id, name, year, children_u15, sgb2_children_u15, rate; reprojected to EPSG:4326, RFC 7946, 7 decimals.</summary>
    public static void WriteGeoJson(BenchPipeline.Pass p, int year, string path)
    {
        var children = p.YearTable.GetNumbers("children_u15");
        var sgb2 = p.YearTable.GetNumbers("sgb2_children_u15");
        var schema = new AttributeSchema(["sr_id", "name", "year", "children_u15", "sgb2_children_u15", "rate"]);
        var features = new VectorFeature[p.Rate.Length];
        for (var k = 0; k < features.Length; k++)
        {
            var source = p.Layer.Features[p.Order[k]];
            var row = p.Join.TableRowOf(p.Order[k]);
            var attributes = schema.Row(
                p.Keys[k],
                source.GetText("name"),
                (long)year,
                row < 0 ? null : (long)children[row],
                row < 0 ? null : (long)sgb2[row],
                double.IsFinite(p.Rate[k]) ? p.Rate[k] : null);
            features[k] = new VectorFeature(k, source.Geometry, attributes);
        }

        var joined = new VectorLayer(p.Layer.Source, p.Layer.Format, p.Layer.Crs, schema.Fields, features);
        VectorLayerWriter.WriteGeoJson(joined, path);
    }
}
