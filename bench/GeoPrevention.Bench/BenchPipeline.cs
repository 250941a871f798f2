using System.Diagnostics;
using System.Runtime.CompilerServices;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Joins;
using GeoPrevention.Analytics.Statistics;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;

namespace GeoPrevention.Bench;

/// <summary>
/// The peers' pipeline (../shared/bench/README.md "The pipeline and its exact semantics") through the public
/// GeoPrevention API, each step timed separately; the last pass's values are the oracle results.
/// </summary>
internal sealed class BenchPipeline
{
    private const string Key = "sr_id";

    private readonly BenchArguments _args;
    private readonly StepTimer _timer;

    public BenchPipeline(BenchArguments args)
        : this(args, new StepTimer())
    {
    }

    private BenchPipeline(BenchArguments args, StepTimer timer)
    {
        _args = args;
        _timer = timer;
    }

    /// <summary>The state of one pass, kept for the results of the last pass.</summary>
    internal sealed class Pass
    {
        public VectorLayer Layer = null!;
        public double[] Area = [];
        public IndicatorTable YearTable = null!;
        public int CsvRowsTotal;
        public JoinResult Join = null!;
        public int[] Order = [];
        public string[] Keys = [];
        public double[] Rate = [];
        public double[] TableRate = [];
        public Dictionary<string, Classification> Classes = new(StringComparer.Ordinal);
        public NeighbourList Neighbours = null!;
        public SpatialWeights Weights = null!;
        public MoranResult Moran = null!;
        public MoranResult MoranMc = null!;
        public LocalMoranResult Local = null!;
    }

    public Dictionary<string, object?> Run(double loadLibsSeconds)
    {
        var total = Stopwatch.StartNew();
        _timer.Add("load_libs", loadLibsSeconds + WarmUp());
        Pass? last = null;
        for (var r = 0; r < _args.Repeat; r++)
        {
            last = RunOnce(r == _args.Repeat - 1);
        }

        var readFormats = _args.ReadFormats ? TimeReadFormats() : null;
        return BenchResults.Build(_args, _timer, readFormats, last!, total.Elapsed.TotalSeconds + loadLibsSeconds);
    }

    private Pass RunOnce(bool writeOutputs)
    {
        var p = new Pass();
        p.Layer = _timer.Time("a_read_polygons", () => VectorLayerReader.Read(_args.Polygons));
        if (p.Layer.Crs.Epsg != 25832)
        {
            p.Layer = _timer.Time("a_transform", () => Reprojector.Reproject(p.Layer, 25832));
        }

        p.Area = _timer.Time("a_area", () => GeometryArea.SquareKilometres(p.Layer));

        _timer.Time("b_read_csv_rate", () =>
        {
            // Only the rows of the year and the columns the pipeline uses are stored and typed (a public read option).
            var table = TableReader.ReadCsv(_args.Csv, new CsvReadOptions
            {
                Delimiter = ';',
                DecimalSeparator = ',',
                Columns = new TableColumnOptions
                {
                    KeyColumns = [Key],
                    YearColumn = "year",
                    RowFilter = TableRowFilter.ForYear("year", _args.Year),
                    SelectColumns = ["children_u15", "sgb2_children_u15"],
                },
            });
            p.CsvRowsTotal = table.RowCount + table.Report.RowsSkipped;
            p.YearTable = table.FilterYear("year", _args.Year);
            var num = p.YearTable.GetNumbers("sgb2_children_u15");
            var den = p.YearTable.GetNumbers("children_u15");
            p.TableRate = new double[num.Length];
            for (var r = 0; r < num.Length; r++)
            {
                p.TableRate[r] = num[r] / den[r] * 100.0;
            }
        });

        _timer.Time("c_join", () =>
        {
            var features = p.Layer.Features;
            var keys = new string[features.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = features[i].GetText(Key) ?? string.Empty;
            }

            p.Join = TableJoin.Join(keys, p.YearTable, new JoinOptions { TableKeyColumn = Key, FindNearMatches = false });
            var order = new int[keys.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            // Sorted by sr_id; a layer already in key order (as the generated GeoPackages are) needs no sort.
            var sorted = true;
            for (var i = 1; i < keys.Length && sorted; i++)
            {
                sorted = string.CompareOrdinal(keys[i - 1], keys[i]) <= 0;
            }

            if (!sorted)
            {
                Array.Sort(keys.ToArray(), order, StringComparer.Ordinal);
            }

            p.Order = order;
            p.Keys = new string[order.Length];
            p.Rate = new double[order.Length];
            for (var k = 0; k < order.Length; k++)
            {
                p.Keys[k] = keys[order[k]];
                var row = p.Join.TableRowOf(order[k]);
                p.Rate[k] = row < 0 ? double.NaN : p.TableRate[row];
            }
        });

        Classify(p, "d_fisher", "fisher", ClassificationMethod.FisherJenks, IntervalClosure.LeftClosed, FisherBreakConvention.Midpoints);
        Classify(p, "d_jenks", "jenks", ClassificationMethod.FisherJenks, IntervalClosure.RightClosed, FisherBreakConvention.ClassMaxima);
        Classify(p, "d_quantile", "quantile", ClassificationMethod.Quantile, IntervalClosure.LeftClosed, FisherBreakConvention.Midpoints);
        Classify(p, "d_equal", "equal", ClassificationMethod.EqualInterval, IntervalClosure.LeftClosed, FisherBreakConvention.Midpoints);

        _timer.Time("e_weights", () =>
        {
            var geoms = p.Order.Select(i => p.Layer.Features[i].Geometry).ToArray();
            p.Neighbours = Contiguity.Queen(geoms);
            p.Weights = SpatialWeights.FromNeighbours(p.Neighbours.ToArrays(), WeightsStyle.RowStandardised);
        });
        p.Moran = _timer.Time("e_moran_test", () => Moran.Global(p.Rate, p.Weights));
        p.MoranMc = _timer.Time("e_moran_mc", () => Moran.Global(p.Rate, p.Weights, new MoranOptions { Permutations = _args.NSim, Seed = _args.Seed }));
        p.Local = _timer.Time("f_local_moran", () => Moran.Local(p.Rate, p.Weights));

        if (_args.Png is { } png)
        {
            _timer.Time("g_render_png", () => BenchOutputs.RenderPng(p, png));
        }

        if (_args.GeoJsonOut is { } geojson)
        {
            _timer.Time("h_write_geojson", () => BenchOutputs.WriteGeoJson(p, _args.Year, geojson));
        }

        return p;
    }

    /// <summary>
    /// Start-up, reported under load_libs. A Native AOT build (how bench/run.sh builds the runner) has no JIT, so there is
    /// nothing to warm up: its first pass is what a user's first call costs, and no extra pass is run. A JIT build (the
    /// smoke test, or a manual <c>dotnet build</c>) runs one untimed pass over the smallest peer data set in the same
    /// folder (districts_100.gpkg + indicators_100.csv, which run_peers.sh always generates), so that JIT compilation of
    /// the library code is not charged to the steps of the measured passes. Skipped when that data set is missing or is
    /// the input itself.
    /// </summary>
    private double WarmUp()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return 0;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(_args.Polygons))!;
        var polygons = Path.Combine(folder, "districts_100.gpkg");
        var csv = Path.Combine(folder, "indicators_100.csv");
        if (!File.Exists(polygons) || !File.Exists(csv) || string.Equals(Path.GetFullPath(_args.Polygons), polygons, StringComparison.Ordinal))
        {
            return 0;
        }

        var sw = Stopwatch.StartNew();
        var temp = Path.Combine(Path.GetTempPath(), "geoprevention-bench-warmup-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(temp);
        try
        {
            var warm = _args with
            {
                Polygons = polygons,
                Csv = csv,
                Png = _args.Png is null ? null : Path.Combine(temp, "warmup.png"),
                GeoJsonOut = _args.GeoJsonOut is null ? null : Path.Combine(temp, "warmup.geojson"),
                NSim = Math.Min(_args.NSim, 99),
            };
            new BenchPipeline(warm, new StepTimer()).RunOnce(writeOutputs: false);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }

        return sw.Elapsed.TotalSeconds;
    }

    private void Classify(Pass p, string step, string name, ClassificationMethod method, IntervalClosure closure, FisherBreakConvention convention)
    {
        var options = new ClassificationOptions
        {
            Method = method,
            Classes = 5,
            Closure = closure,
            FisherBreaks = convention,
        };

        // The step computes the breaks, as the peers' steps do (classInt, numpy, ckmeans); the class counts of the
        // oracle output come from the full classification outside the timed step, as the peers count them there.
        var breaks = _timer.Time(step, () => Classifier.Breaks(p.Rate, options));
        var classification = Classifier.Classify(p.Rate, options);
        if (!breaks.SequenceEqual(classification.Breaks))
        {
            throw new InvalidOperationException($"{step}: Classifier.Breaks and Classifier.Classify disagree.");
        }

        p.Classes[name] = classification;
    }

    private Dictionary<string, object> TimeReadFormats()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        var stem = Path.Combine(Path.GetDirectoryName(_args.Polygons)!, Path.GetFileNameWithoutExtension(_args.Polygons));
        foreach (var ext in new[] { "gpkg", "shp", "geojson" })
        {
            var path = $"{stem}.{ext}";
            if (!File.Exists(path))
            {
                continue;
            }

            var runs = new List<double>();
            var n = 0;
            for (var r = 0; r < Math.Max(3, _args.Repeat); r++)
            {
                var sw = Stopwatch.StartNew();
                n = VectorLayerReader.Read(path).Features.Count;
                runs.Add(sw.Elapsed.TotalSeconds);
            }

            var summary = StepTimer.Summary(runs);
            summary["runs"] = runs.ToArray();
            summary["n"] = n;
            result[ext] = summary;
        }

        return result;
    }
}
