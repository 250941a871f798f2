using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Joins;
using GeoPrevention.Analytics.Statistics;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention analyze --polygons F --csv F --key K --year Y --numerator N --denominator D [--scale 100]
/// [--classes 5] [--permutations 999] [--seed 42] [--classint] [--json]</c>: the rate of one indicator per district
/// and year, with its summary, the breaks and counts of every classification method, queen weights, global
/// Moran's I, LISA quadrant counts and inequality measures.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item><description>Rate = numerator / denominator × scale per table row of the year. Districts without a matching
/// row, or whose numerator or denominator is missing/suppressed or whose denominator is 0, are excluded from every
/// statistic and counted as <c>excluded</c>.</description></item>
/// <item><description>Queen contiguity is computed on the districts that have a rate (spdep <c>subset.nb</c>
/// semantics), and row-standardised.</description></item>
/// <item><description>Classes are right-closed with Fisher-Jenks breaks at the class maxima (the project convention);
/// <c>--classint</c> switches equal interval, quantile and Fisher-Jenks to R classInt's convention (left-closed
/// intervals, Fisher breaks at the midpoints between classes) so the output can be compared with R.</description></item>
/// <item><description>LISA p-values are the two-sided normal p-values of spdep <c>localmoran</c>; "significant" means p &lt; 0.05.</description></item>
/// <item><description>Inequality: Gini and Theil T unweighted and weighted by the denominator; max/min and P80/P20 are
/// +∞ when the smaller value is 0 (JSON: <c>null</c>).</description></item>
/// </list>
/// </remarks>
internal sealed class AnalyzeCommand : Command<AnalyzeCommand.Settings>
{
    private static readonly ClassificationMethod[] Methods =
    [
        ClassificationMethod.EqualInterval,
        ClassificationMethod.Quantile,
        ClassificationMethod.FisherJenks,
        ClassificationMethod.StandardDeviation,
        ClassificationMethod.BoxMap,
        ClassificationMethod.HeadTailBreaks,
        ClassificationMethod.Pretty,
    ];

    /// <summary>Arguments of <c>analyze</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The polygon file.</summary>
        [CommandOption("--polygons <FILE>")]
        [Description("Polygon file: .shp, .geojson/.json, .topojson or .gpkg")]
        public string? Polygons { get; set; }

        /// <summary>The indicator CSV file.</summary>
        [CommandOption("--csv <FILE>")]
        [Description("Indicator table (CSV, long format: key, year, count columns)")]
        public string? Csv { get; set; }

        /// <summary>The key field of the polygons and the key column of the table.</summary>
        [CommandOption("--key <FIELD>")]
        [Description("Key field of the polygons and key column of the table (e.g. AGS)")]
        public string? Key { get; set; }

        /// <summary>The key column of the table when it differs from <see cref="Key"/>.</summary>
        [CommandOption("--csv-key <COLUMN>")]
        [Description("Key column of the table, if named differently from --key")]
        public string? CsvKey { get; set; }

        /// <summary>The year to analyse.</summary>
        [CommandOption("--year <YEAR>")]
        [Description("Year to analyse")]
        public int? Year { get; set; }

        /// <summary>The year column of the table.</summary>
        [CommandOption("--year-column <COLUMN>")]
        [Description("Year column of the table; default year")]
        public string YearColumn { get; set; } = "year";

        /// <summary>The numerator column.</summary>
        [CommandOption("--numerator <COLUMN>")]
        [Description("Numerator column (count)")]
        public string? Numerator { get; set; }

        /// <summary>The denominator column.</summary>
        [CommandOption("--denominator <COLUMN>")]
        [Description("Denominator column (population at risk)")]
        public string? Denominator { get; set; }

        /// <summary>The rate scale (100 = per cent).</summary>
        [CommandOption("--scale <SCALE>")]
        [Description("Rate = numerator / denominator × scale; default 100")]
        public double Scale { get; set; } = 100;

        /// <summary>The number of classes.</summary>
        [CommandOption("--classes <K>")]
        [Description("Number of classes for equal interval, quantile, Fisher-Jenks and pretty; default 5")]
        public int Classes { get; set; } = 5;

        /// <summary>The number of Moran permutations.</summary>
        [CommandOption("--permutations <N>")]
        [Description("Permutations for Moran's pseudo p-value (0 = none); default 999")]
        public int Permutations { get; set; } = 999;

        /// <summary>The permutation seed.</summary>
        [CommandOption("--seed <SEED>")]
        [Description("Seed of the permutations; default 42")]
        public long Seed { get; set; } = 42;

        /// <summary>Use R classInt's closure and Fisher break convention.</summary>
        [CommandOption("--classint")]
        [Description("R classInt conventions for equal/quantile/Fisher (left-closed, Fisher midpoints)")]
        public bool ClassInt { get; set; }

        /// <summary>Write JSON instead of tables.</summary>
        [CommandOption("--json")]
        [Description("Write machine-readable JSON (invariant numbers) to standard output")]
        public bool Json { get; set; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            foreach (var (value, name) in new[] { (Polygons, "--polygons <FILE>"), (Csv, "--csv <FILE>"), (Key, "--key <FIELD>"), (Numerator, "--numerator <COLUMN>"), (Denominator, "--denominator <COLUMN>") })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return ValidationResult.Error($"{name} is required.");
                }
            }

            if (Year is null)
            {
                return ValidationResult.Error("--year <YEAR> is required.");
            }

            if (!double.IsFinite(Scale) || Scale <= 0)
            {
                return ValidationResult.Error("--scale must be a number > 0.");
            }

            if (Classes is < 2 or > 20)
            {
                return ValidationResult.Error("--classes must be between 2 and 20.");
            }

            return Permutations is < 0 or > 99_999 ? ValidationResult.Error("--permutations must be between 0 and 99999.") : ValidationResult.Success();
        }
    }

    /// <summary>Everything <c>analyze</c> reports.</summary>
    internal sealed class Report
    {
        public required Settings Settings { get; init; }
        public required int Districts { get; init; }
        public required int Analysed { get; init; }
        public required int Unmatched { get; init; }
        public required int Invalid { get; init; }
        public required double[] Rates { get; init; }
        public required IReadOnlyList<(ClassificationMethod Method, Classification? Result, string? Error)> Classifications { get; init; }
        public required NeighbourList Neighbours { get; init; }
        public required MoranResult Moran { get; init; }
        public required LocalMoranResult Local { get; init; }
        public required IReadOnlyList<(string Name, double Value)> Inequality { get; init; }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = Analyze(settings);
        if (settings.Json)
        {
            using var stream = Console.OpenStandardOutput();
            WriteJson(report, stream);
            stream.WriteByte((byte)'\n');
        }
        else
        {
            WriteTables(report);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Runs the analysis.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <exception cref="ArgumentException">An unknown field or column, or no usable rate.</exception>
    /// <exception cref="Geo.GeoDataFormatException">A file cannot be read.</exception>
    internal static Report Analyze(Settings settings)
    {
        var csvKey = string.IsNullOrWhiteSpace(settings.CsvKey) ? settings.Key! : settings.CsvKey!;
        var layer = VectorLayerReader.Read(settings.Polygons!);
        if (!layer.Fields.Contains(settings.Key!, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Field '{settings.Key}' not found in {settings.Polygons}; fields are: {string.Join(", ", layer.Fields)}.");
        }

        var table = TableReader.ReadCsv(settings.Csv!, new CsvReadOptions
        {
            Columns = new TableColumnOptions { KeyColumns = [csvKey], YearColumn = settings.YearColumn },
        });
        var year = table.FilterYear(settings.YearColumn, settings.Year!.Value);
        var numerator = year.GetNumbers(settings.Numerator!);
        var denominator = year.GetNumbers(settings.Denominator!);
        if (year.RowCount == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{settings.Csv} has no rows for {settings.YearColumn} = {settings.Year}."));
        }

        var join = TableJoin.Join(layer, settings.Key!, year, new JoinOptions { TableKeyColumn = csvKey, FindNearMatches = false });
        var rates = new List<double>();
        var weights = new List<double>();
        var geometries = new List<NetTopologySuite.Geometries.Geometry?>();
        int unmatched = 0, invalid = 0;
        for (var i = 0; i < layer.Features.Count; i++)
        {
            var row = join.TableRowOf(i);
            if (row < 0)
            {
                unmatched++;
                continue;
            }

            var rate = numerator[row] / denominator[row] * settings.Scale;
            if (!double.IsFinite(rate) || denominator[row] <= 0)
            {
                invalid++;
                continue;
            }

            rates.Add(rate);
            weights.Add(denominator[row]);
            geometries.Add(layer.Features[i].Geometry);
        }

        if (rates.Count < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Only {rates.Count} districts have a rate for {settings.Year} ({unmatched} without a table row, {invalid} with a missing value or zero denominator); at least 3 are needed."));
        }

        var values = rates.ToArray();
        var classifications = new List<(ClassificationMethod, Classification?, string?)>();
        foreach (var method in Methods)
        {
            var classInt = settings.ClassInt && method is ClassificationMethod.EqualInterval or ClassificationMethod.Quantile or ClassificationMethod.FisherJenks;
            try
            {
                classifications.Add((method, Classifier.Classify(values, new ClassificationOptions
                {
                    Method = method,
                    Classes = settings.Classes,
                    Closure = classInt ? IntervalClosure.LeftClosed : IntervalClosure.RightClosed,
                    FisherBreaks = classInt ? FisherBreakConvention.Midpoints : FisherBreakConvention.ClassMaxima,
                }), null));
            }
            catch (ArgumentException ex)
            {
                // One impossible scheme (e.g. all values equal) must not hide the others; the reason is reported.
                classifications.Add((method, null, ex.Message));
            }
        }

        var neighbours = Contiguity.Queen(geometries);
        var w = SpatialWeights.FromNeighbours(neighbours.ToArrays(), WeightsStyle.RowStandardised);
        var moran = Moran.Global(values, w, new MoranOptions { Permutations = settings.Permutations, Seed = settings.Seed });
        var local = Moran.Local(values, w);
        var population = weights.ToArray();
        var inequality = new List<(string, double)>
        {
            ("gini", Inequality.Gini(values)),
            ("giniWeighted", Inequality.Gini(values, population)),
            ("theilT", Inequality.TheilT(values)),
            ("theilTWeighted", Inequality.TheilT(values, population)),
            ("coefficientOfVariation", Inequality.CoefficientOfVariation(values)),
            ("maxMinRatio", Inequality.MaxMinRatio(values)),
            ("p80P20Ratio", Inequality.P80P20Ratio(values)),
        };

        return new Report
        {
            Settings = settings,
            Districts = layer.Features.Count,
            Analysed = values.Length,
            Unmatched = unmatched,
            Invalid = invalid,
            Rates = values,
            Classifications = classifications,
            Neighbours = neighbours,
            Moran = moran,
            Local = local,
            Inequality = inequality,
        };
    }

    private static (double Min, double Max, double Mean, double Median, double Sd) Summary(double[] values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[0], sorted[^1], Descriptive.Mean(sorted), Descriptive.QuantileSorted(sorted, 0.5), Descriptive.SampleStandardDeviation(sorted));
    }

    private static string MethodName(ClassificationMethod m) => m switch
    {
        ClassificationMethod.EqualInterval => "equalInterval",
        ClassificationMethod.Quantile => "quantile",
        ClassificationMethod.FisherJenks => "fisherJenks",
        ClassificationMethod.StandardDeviation => "standardDeviation",
        ClassificationMethod.BoxMap => "boxMap",
        ClassificationMethod.HeadTailBreaks => "headTailBreaks",
        ClassificationMethod.Pretty => "pretty",
        _ => m.ToString(),
    };

    private static string QuadrantName(LisaQuadrant q) => q switch
    {
        LisaQuadrant.HighHigh => "highHigh",
        LisaQuadrant.LowLow => "lowLow",
        LisaQuadrant.HighLow => "highLow",
        LisaQuadrant.LowHigh => "lowHigh",
        _ => "isolated",
    };

    /// <summary>Writes the report as JSON (invariant numbers; non-finite numbers as null).</summary>
    /// <param name="r">The report.</param>
    /// <param name="stream">The destination.</param>
    internal static void WriteJson(Report r, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        void Number(string name, double value)
        {
            if (double.IsFinite(value))
            {
                w.WriteNumber(name, value);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        var s = r.Settings;
        w.WriteStartObject();
        w.WriteStartObject("input");
        w.WriteString("polygons", Path.GetFullPath(s.Polygons!));
        w.WriteString("csv", Path.GetFullPath(s.Csv!));
        w.WriteString("key", s.Key);
        w.WriteNumber("year", s.Year!.Value);
        w.WriteString("numerator", s.Numerator);
        w.WriteString("denominator", s.Denominator);
        w.WriteNumber("scale", s.Scale);
        w.WriteString("convention", s.ClassInt ? "classInt" : "classMaxima");
        w.WriteEndObject();

        var (min, max, mean, median, sd) = Summary(r.Rates);
        w.WriteStartObject("rate");
        w.WriteNumber("districts", r.Districts);
        w.WriteNumber("n", r.Analysed);
        w.WriteNumber("unmatched", r.Unmatched);
        w.WriteNumber("invalid", r.Invalid);
        Number("min", min);
        Number("max", max);
        Number("mean", mean);
        Number("median", median);
        Number("sd", sd);
        w.WriteEndObject();

        w.WriteStartObject("classifications");
        foreach (var (method, c, error) in r.Classifications)
        {
            w.WriteStartObject(MethodName(method));
            if (c is null)
            {
                w.WriteString("error", error);
            }
            else
            {
                w.WriteString("closure", c.Closure == IntervalClosure.RightClosed ? "right" : "left");
                w.WriteStartArray("breaks");
                foreach (var b in c.Breaks)
                {
                    w.WriteNumberValue(b);
                }

                w.WriteEndArray();
                w.WriteStartArray("counts");
                foreach (var n in c.Counts)
                {
                    w.WriteNumberValue(n);
                }

                w.WriteEndArray();
                Number("gvf", c.GoodnessOfVarianceFit);
                w.WriteStartArray("warnings");
                foreach (var warning in c.Warnings)
                {
                    w.WriteStringValue(warning.Message);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();

        var nb = r.Neighbours;
        w.WriteStartObject("weights");
        w.WriteString("contiguity", "queen");
        w.WriteString("style", "row-standardised");
        w.WriteNumber("links", nb.LinkCount);
        w.WriteNumber("minNeighbours", nb.MinNeighbours);
        w.WriteNumber("meanNeighbours", nb.MeanNeighbours);
        w.WriteNumber("maxNeighbours", nb.MaxNeighbours);
        w.WriteNumber("islands", nb.Islands.Count);
        w.WriteNumber("components", nb.ComponentCount);
        w.WriteEndObject();

        var m = r.Moran;
        w.WriteStartObject("moran");
        Number("I", m.I);
        Number("expectation", m.Expectation);
        Number("variance", m.VarianceRandomisation);
        Number("z", m.ZRandomisation);
        Number("p", m.PRandomisation);
        w.WriteNumber("permutations", m.Permutations);
        Number("pseudoP", m.PseudoP);
        w.WriteNumber("seed", s.Seed);
        w.WriteEndObject();

        w.WriteStartObject("lisa");
        foreach (var (name, significant) in new[] { ("all", false), ("p05", true) })
        {
            var counts = r.Local.QuadrantCounts(significant);
            w.WriteStartObject(name);
            foreach (var q in new[] { LisaQuadrant.HighHigh, LisaQuadrant.LowLow, LisaQuadrant.HighLow, LisaQuadrant.LowHigh, LisaQuadrant.Isolated })
            {
                w.WriteNumber(QuadrantName(q), counts[q]);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartObject("inequality");
        foreach (var (name, value) in r.Inequality)
        {
            Number(name, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTables(Report r)
    {
        var de = CultureInfo.GetCultureInfo("de-DE");
        string F(double v, string format = "N4") => double.IsPositiveInfinity(v) ? "∞" : double.IsNaN(v) ? "–" : v.ToString(format, de);
        string I(long v) => v.ToString("N0", de);
        var s = r.Settings;

        var (min, max, mean, median, sd) = Summary(r.Rates);
        var rate = new Table().Title(Markup.Escape(string.Create(de, $"Quote {s.Numerator} / {s.Denominator} × {s.Scale:G}, {s.Year}")))
            .AddColumn("Kennzahl").AddColumn(new TableColumn("Wert").RightAligned());
        Row(rate, "Gebiete", I(r.Districts));
        Row(rate, "mit Quote (n)", I(r.Analysed));
        Row(rate, "ohne Tabellenzeile", I(r.Unmatched));
        Row(rate, "Wert fehlt / Nenner 0", I(r.Invalid));
        Row(rate, "Minimum", F(min));
        Row(rate, "Maximum", F(max));
        Row(rate, "Mittelwert", F(mean));
        Row(rate, "Median", F(median));
        Row(rate, "Standardabweichung", F(sd));
        AnsiConsole.Write(rate);

        var classes = new Table().Title(s.ClassInt ? "Klassen (classInt-Konvention)" : "Klassen")
            .AddColumn("Verfahren").AddColumn("Grenzen").AddColumn("Anzahl je Klasse").AddColumn(new TableColumn("GVF").RightAligned());
        foreach (var (method, c, error) in r.Classifications)
        {
            var label = method switch
            {
                ClassificationMethod.EqualInterval => "Gleiche Intervalle",
                ClassificationMethod.Quantile => "Quantile",
                ClassificationMethod.FisherJenks => "Fisher-Jenks",
                ClassificationMethod.StandardDeviation => "Standardabweichung",
                ClassificationMethod.BoxMap => "Box-Map",
                ClassificationMethod.HeadTailBreaks => "Head/Tail",
                _ => "Pretty",
            };
            if (c is null)
            {
                Row(classes, label, error ?? string.Empty, string.Empty, string.Empty);
                continue;
            }

            Row(classes,
                label,
                string.Join(" | ", c.Breaks.Select(b => F(b, "N2"))),
                string.Join(" / ", c.Counts.Select(n => I(n))),
                F(c.GoodnessOfVarianceFit, "N3"));
        }

        AnsiConsole.Write(classes);

        var nb = r.Neighbours;
        var weights = new Table().Title("Nachbarschaft (Queen, zeilenstandardisiert)").AddColumn("Kennzahl").AddColumn(new TableColumn("Wert").RightAligned());
        Row(weights, "Verknüpfungen", I(nb.LinkCount));
        Row(weights, "Nachbarn min / Mittel / max", $"{I(nb.MinNeighbours)} / {F(nb.MeanNeighbours, "N2")} / {I(nb.MaxNeighbours)}");
        Row(weights, "Inseln", I(nb.Islands.Count));
        Row(weights, "Zusammenhangskomponenten", I(nb.ComponentCount));
        AnsiConsole.Write(weights);

        var m = r.Moran;
        var moran = new Table().Title("Globales Moran's I (Randomisierung)").AddColumn("Kennzahl").AddColumn(new TableColumn("Wert").RightAligned());
        Row(moran, "I", F(m.I, "N6"));
        Row(moran, "E[I]", F(m.Expectation, "N6"));
        Row(moran, "Varianz", F(m.VarianceRandomisation, "N9"));
        Row(moran, "z", F(m.ZRandomisation, "N4"));
        Row(moran, "p (einseitig)", F(m.PRandomisation, "G4"));
        Row(moran, string.Create(de, $"Pseudo-p ({m.Permutations:N0} Permutationen, Seed {s.Seed})"), F(m.PseudoP, "G4"));
        AnsiConsole.Write(moran);

        var lisa = new Table().Title("LISA-Quadranten").AddColumn("Quadrant").AddColumn(new TableColumn("alle").RightAligned()).AddColumn(new TableColumn("p < 0,05").RightAligned());
        var all = r.Local.QuadrantCounts();
        var significant = r.Local.QuadrantCounts(significantOnly: true);
        foreach (var (q, label) in new[] { (LisaQuadrant.HighHigh, "Hoch-Hoch"), (LisaQuadrant.LowLow, "Niedrig-Niedrig"), (LisaQuadrant.HighLow, "Hoch-Niedrig"), (LisaQuadrant.LowHigh, "Niedrig-Hoch"), (LisaQuadrant.Isolated, "ohne Nachbarn") })
        {
            Row(lisa, label, I(all[q]), I(significant[q]));
        }

        AnsiConsole.Write(lisa);

        var inequality = new Table().Title("Ungleichheit").AddColumn("Maß").AddColumn(new TableColumn("Wert").RightAligned());
        foreach (var (name, value) in r.Inequality)
        {
            var label = name switch
            {
                "gini" => "Gini",
                "giniWeighted" => "Gini (gewichtet mit Nenner)",
                "theilT" => "Theil T",
                "theilTWeighted" => "Theil T (gewichtet mit Nenner)",
                "coefficientOfVariation" => "Variationskoeffizient",
                "maxMinRatio" => "Max / Min",
                _ => "P80 / P20",
            };
            Row(inequality, label, F(value));
        }

        AnsiConsole.Write(inequality);
    }

    /// <summary>Adds a row of plain text (cells are escaped: "E[I]" is not Spectre markup).</summary>
    private static void Row(Table table, params string[] cells) => table.AddRow([.. cells.Select(Markup.Escape)]);
}
