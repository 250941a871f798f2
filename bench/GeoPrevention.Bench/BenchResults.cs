using System.Reflection;
using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Bench;

/// <summary>Builds the run JSON with the same keys as the R peer (`results{…}` as in ../shared/bench/README.md).</summary>
internal static class BenchResults
{
    private static readonly string[] QuadrantNames = ["Low-Low", "High-Low", "Low-High", "High-High"];

    public static Dictionary<string, object?> Build(BenchArguments args, StepTimer timer, Dictionary<string, object>? readFormats, BenchPipeline.Pass p, double totalSeconds)
    {
        var n = p.Rate.Length;
        var valid = p.Rate.Where(double.IsFinite).ToArray();
        var sorted = valid.Order().ToArray();
        var first20 = Enumerable.Range(0, Math.Min(20, n)).ToArray();
        var quadrant = p.Local.Quadrant.Select(Name).ToArray();

        Dictionary<string, int> Counts(bool significantOnly)
        {
            var counts = QuadrantNames.ToDictionary(q => q, _ => 0, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                if ((!significantOnly || p.Local.P[i] < 0.05) && counts.TryGetValue(quadrant[i], out var c))
                {
                    counts[quadrant[i]] = c + 1;
                }
            }

            return counts;
        }

        var results = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["n_polygons"] = p.Layer.Features.Count,
            ["join"] = new Dictionary<string, object>
            {
                ["csv_rows_total"] = p.CsvRowsTotal,
                ["csv_rows_year"] = p.YearTable.RowCount,
                ["matched"] = p.Join.MatchedLayerCount,
                ["unmatched_polygons"] = p.Join.LayerCount - p.Join.MatchedLayerCount,
            },
            ["rate"] = new Dictionary<string, object>
            {
                ["min"] = sorted[0],
                ["max"] = sorted[^1],
                ["mean"] = Descriptive.Mean(sorted),
                ["median"] = Descriptive.QuantileSorted(sorted, 0.5),
                ["sd"] = Descriptive.SampleStandardDeviation(sorted),
                ["sum"] = valid.Sum(),
                ["first20"] = first20.Select(i => new Dictionary<string, object> { ["sr_id"] = p.Keys[i], ["rate"] = p.Rate[i] }).ToArray(),
            },
            ["breaks"] = p.Classes.ToDictionary(c => c.Key, c => c.Value.Breaks.ToArray()),
            ["class_counts"] = p.Classes.ToDictionary(c => c.Key, c => c.Value.Counts.ToArray()),
            ["classification_skipped"] = Array.Empty<string>(),
            ["weights"] = new Dictionary<string, object>
            {
                ["style"] = "W (row-standardised)",
                ["contiguity"] = "queen (GeoPrevention.Geo.Operations.Contiguity, shared boundary vertices)",
                ["n_links"] = p.Weights.LinkCount,
                ["mean_neighbours"] = p.Weights.MeanNeighbours,
                ["min_neighbours"] = p.Weights.MinNeighbours,
                ["max_neighbours"] = p.Weights.MaxNeighbours,
                ["n_islands"] = p.Neighbours.Islands.Count,
                ["S0"] = p.Weights.S0,
                ["S1"] = p.Weights.S1,
                ["S2"] = p.Weights.S2,
                ["first20_neighbour_counts"] = first20.Select(i => new Dictionary<string, object> { ["sr_id"] = p.Keys[i], ["n_neighbours"] = p.Weights.NeighbourCount(i) }).ToArray(),
            },
            ["moran"] = new Dictionary<string, object>
            {
                ["I"] = p.Moran.I,
                ["expectation"] = p.Moran.Expectation,
                ["variance_randomisation"] = p.Moran.VarianceRandomisation,
                ["z_randomisation"] = p.Moran.ZRandomisation,
                ["p_randomisation_greater"] = p.Moran.PRandomisation,
                ["variance_normality"] = p.Moran.VarianceNormality,
                ["z_normality"] = p.Moran.ZNormality,
                ["p_normality_greater"] = p.Moran.PNormality,
                ["mc"] = new Dictionary<string, object>
                {
                    ["statistic"] = p.MoranMc.I,
                    ["pseudo_p"] = p.MoranMc.PseudoP,
                    ["nsim"] = p.MoranMc.Permutations,
                    ["seed"] = args.Seed,
                    ["note"] = "pseudo_p = (1 + #{I_perm >= I_obs}) / (nsim + 1); GeoPrevention's own seeded RNG, not R's",
                },
            },
            ["local_moran"] = new Dictionary<string, object>
            {
                ["convention"] = "spdep::localmoran mlvar=TRUE conventions (GeoPrevention.Analytics.Statistics.Moran.Local)",
                ["first20"] = first20.Select(i => new Dictionary<string, object>
                {
                    ["sr_id"] = p.Keys[i],
                    ["Ii"] = p.Local.Ii[i],
                    ["E_Ii"] = p.Local.Expectation[i],
                    ["Var_Ii"] = p.Local.Variance[i],
                    ["Z_Ii"] = p.Local.Z[i],
                    ["p"] = p.Local.P[i],
                    ["quadrant"] = quadrant[i],
                }).ToArray(),
                ["sum_Ii"] = p.Local.Ii.Sum(),
                ["quadrant_rule"] = "sign of z_i vs sign of spatial lag of z (Low = <= 0)",
                ["quadrant_counts_all"] = Counts(false),
                ["quadrant_counts_p05"] = Counts(true),
                ["n_significant_p05"] = p.Local.P.Count(v => v < 0.05),
            },
            ["area_km2"] = new Dictionary<string, object>
            {
                ["method"] = "planar area in EPSG:25832 (NetTopologySuite)",
                ["total"] = p.Area.Sum(),
                ["first20"] = first20.Select(i => new Dictionary<string, object> { ["sr_id"] = p.Keys[i], ["area_km2"] = p.Area[p.Order[i]] }).ToArray(),
            },
        };

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["tool"] = "C#",
            ["implementation"] = "GeoPrevention (.NET " + Environment.Version + "; NetTopologySuite, ProjNET, SkiaSharp)",
            ["versions"] = new Dictionary<string, string>
            {
                [".NET"] = Environment.Version.ToString(),
                ["GeoPrevention"] = typeof(BenchPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?",
                ["NetTopologySuite"] = typeof(NetTopologySuite.Geometries.Geometry).Assembly.GetName().Version?.ToString() ?? "?",
            },
            ["input"] = new Dictionary<string, object> { ["polygons"] = args.Polygons, ["csv"] = args.Csv, ["year"] = args.Year },
            ["repeats"] = args.Repeat,
            ["timings_s"] = timer.ToJson(),
            ["read_formats_s"] = readFormats,
            ["total_script_s"] = totalSeconds,
            ["results"] = results,
        };
    }

    private static string Name(LisaQuadrant q) => q switch
    {
        LisaQuadrant.LowLow => "Low-Low",
        LisaQuadrant.HighLow => "High-Low",
        LisaQuadrant.LowHigh => "Low-High",
        LisaQuadrant.HighHigh => "High-High",
        _ => "Isolated",
    };
}
