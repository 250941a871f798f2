using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using GeoPrevention.Analytics.Joins;
using GeoPrevention.Analytics.Tables;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// Peer steps b_read_csv_rate + c_join (../shared/bench/ref_r.R, ref_py.py) for 100,000 districts × 6 years:
/// read the German CSV with full detection, keep 2023, rate = sgb2_children_u15 / children_u15 × 100, join to the
/// layer keys. Uses /tmp/gp-bench/data/indicators_100000.csv (or GEOPREVENTION_BENCH_DATA) when present, else
/// writes a CSV of the same shape in setup. The layer keys are the district ids in key order, as in the generated
/// GeoPackages (reading polygons is a separate peer step); the CSV rows are in the generator's shuffled order.
/// </summary>
[MemoryDiagnoser]
public class TableBenchmarks
{
    private string _csv = string.Empty;
    private static readonly CsvReadOptions YearOptions = new()
    {
        Delimiter = ';',
        DecimalSeparator = ',',
        Columns = new TableColumnOptions
        {
            KeyColumns = ["sr_id"],
            YearColumn = "year",
            RowFilter = TableRowFilter.ForYear("year", 2023),
            SelectColumns = ["children_u15", "sgb2_children_u15"],
        },
    };

    private string[] _layerKeys = [];
    private IndicatorTable _yearTable = null!;
    private string? _tempDir;

    /// <summary>Number of districts.</summary>
    [Params(100_000)]
    public int N { get; set; }

    /// <summary>Locates or generates the CSV and builds the layer keys.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var env = Environment.GetEnvironmentVariable("GEOPREVENTION_BENCH_DATA");
        var folder = string.IsNullOrEmpty(env) ? "/tmp/gp-bench/data" : env;
        _csv = Path.Combine(folder, $"indicators_{N}.csv");
        if (!File.Exists(_csv))
        {
            _tempDir = Path.Combine(Path.GetTempPath(), "gp-table-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_tempDir);
            _csv = Path.Combine(_tempDir, $"indicators_{N}.csv");
            WriteSyntheticCsv(_csv, N);
        }

        // Layer keys in key order, each a fresh string allocated in that order, as a GeoPackage reader returns them.
        var ids = TableReader.ReadCsv(_csv).FilterYear("year", 2023).GetText("sr_id").Select(k => k!).Order(StringComparer.Ordinal);
        _layerKeys = [.. ids.Select(k => new string(k.AsSpan()))];
        _yearTable = TableReader.ReadCsv(_csv, YearOptions);
    }

    /// <summary>Removes a generated CSV.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_tempDir is not null)
        {
            Directory.Delete(_tempDir, true);
        }
    }

    /// <summary>Read + filter year + rate + join (the peers' b_read_csv_rate + c_join).</summary>
    [Benchmark]
    public double ReadFilterRateJoin()
        => RateJoin(TableReader.ReadCsv(_csv).FilterYear("year", 2023), new JoinOptions { TableKeyColumn = "sr_id" });

    /// <summary>Reading alone (600,000 rows × 7 columns, with the import report).</summary>
    [Benchmark]
    public int ReadCsv() => TableReader.ReadCsv(_csv).RowCount;

    /// <summary>
    /// The bench runner's b_read_csv_rate + c_join: read only the rows of 2023 and the used columns (RowFilter,
    /// SelectColumns, with the import report of those rows), rate, join.
    /// </summary>
    [Benchmark]
    public double ReadYearRateJoin()
        => RateJoin(TableReader.ReadCsv(_csv, YearOptions), new JoinOptions { TableKeyColumn = "sr_id", FindNearMatches = false });

    /// <summary>Reading the rows of 2023 and the used columns alone.</summary>
    [Benchmark]
    public int ReadYear() => TableReader.ReadCsv(_csv, YearOptions).RowCount;

    /// <summary>The join alone (100,000 layer keys, 100,000 table rows of one year, full diagnostics).</summary>
    [Benchmark]
    public int Join() => TableJoin.Join(_layerKeys, _yearTable, new JoinOptions { TableKeyColumn = "sr_id", FindNearMatches = false }).MatchedLayerCount;

    /// <summary>The rate per table row and the layer's join to it, summed so that nothing is optimised away.</summary>
    private double RateJoin(IndicatorTable table, JoinOptions options)
    {
        var num = table.GetNumbers("sgb2_children_u15");
        var den = table.GetNumbers("children_u15");
        var rate = new double[num.Length];
        for (var i = 0; i < rate.Length; i++)
        {
            rate[i] = num[i] / den[i] * 100;
        }

        var join = TableJoin.Join(_layerKeys, table, options);
        double sum = 0;
        for (var i = 0; i < _layerKeys.Length; i++)
        {
            var r = join.TableRowOf(i);
            sum += r >= 0 ? rate[r] : 0;
        }

        return sum;
    }

    private static void WriteSyntheticCsv(string path, int n)
    {
        var rng = new Random(20261128);
        var sb = new StringBuilder("sr_id;year;population;children_u15;sgb2_children_u15;single_parent_households;households\n");
        var rows = new List<string>(n * 6);
        for (var i = 1; i <= n; i++)
        {
            var pop = 200 + rng.Next(4000);
            for (var year = 2019; year <= 2024; year++)
            {
                var ch = Math.Max(20, (int)(pop * 0.14));
                var sg = rng.Next(ch / 3);
                var hh = Math.Max(80, (int)(pop / 2.2));
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"SR{i:D6};{year};{pop};{ch};{sg};{rng.Next(hh / 10)};{hh}"));
            }
        }

        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        foreach (var r in rows)
        {
            sb.Append(r).Append('\n');
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
