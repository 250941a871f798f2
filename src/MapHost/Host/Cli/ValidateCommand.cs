using System.ComponentModel;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention validate [atlas] [--json]</c>: every diagnostic of an atlas in one run. Steps and exit codes:
/// 1. manifest: JSON syntax (line and column), schema, references, file paths — problems name their JSON path;
/// 2. load: layers (CRS, geometry repairs, duplicate keys) and tables (columns) — a missing column or parent key
///    names the JSON path of the manifest entry;
/// 3. joins: table keys without a district and districts without rows (each names <c>$.tables[i]</c>);
/// 4. privacy summary: per count table, how many cells were suppressed primarily and secondarily.
/// Exit 0 when nothing blocks (geometry repairs and privacy notes are warnings), 1 when the manifest or data is
/// invalid or a join does not match, 3 when a file cannot be read at all (not JSON, not a readable layer or table).
/// </summary>
internal sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    /// <summary>Settings of <c>validate</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>The atlas file or folder.</summary>
        [CommandArgument(0, "[atlas]")]
        [Description("atlas.json (or its folder); default: see docs/cli.md (GEOPREVENTION_ATLAS, then data/atlas.json)")]
        public string? Atlas { get; init; }

        /// <summary>Machine-readable output.</summary>
        [CommandOption("--json")]
        [Description("Write the diagnostics as JSON to standard output")]
        public bool Json { get; init; }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = AtlasLocator.Resolve(settings.Atlas);
        var report = Run(path);
        var stdout = Console.Out;
        if (settings.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
        }
        else
        {
            WriteText(report, stdout);
        }

        switch (report.Status)
        {
            case "unreadable":
                Console.Error.WriteLine($"geoprevention: {report.Problems.First(p => p.Severity == "error").Describe()}");
                return ExitCodes.InputError;
            case "findings":
                Console.Error.WriteLine($"geoprevention: the atlas has {report.Problems.Count(p => p.Severity == "error").ToString(CultureInfo.InvariantCulture)} blocking problem(s).");
                return ExitCodes.Findings;
            default:
                return ExitCodes.Ok;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Validates the atlas and collects every diagnostic (never throws for bad input).</summary>
    /// <param name="atlasPath">The atlas file.</param>
    /// <returns>The report.</returns>
    internal static ValidationReport Run(string atlasPath)
    {
        var problems = new List<ValidationProblem>();
        AtlasManifest manifest;
        try
        {
            manifest = AtlasLoader.Load(atlasPath);
        }
        catch (FileNotFoundException ex)
        {
            problems.Add(new ValidationProblem("manifest", "error", "$", ex.Message, atlasPath));
            return new ValidationReport(atlasPath, "unreadable", problems, [], null);
        }
        catch (GeoDataFormatException ex)
        {
            problems.Add(new ValidationProblem("manifest", "error", "$", ex.Reason, ex.FilePath, ex.Line, ex.Column));
            return new ValidationReport(atlasPath, "unreadable", problems, [], null);
        }
        catch (AtlasValidationException ex)
        {
            problems.AddRange(ex.Issues.Select(i => new ValidationProblem("manifest", "error", i.JsonPath, i.Message)));
            return new ValidationReport(atlasPath, "findings", problems, [], null);
        }

        AtlasData atlas;
        try
        {
            problems.AddRange(CheckColumns(manifest));
            if (problems.Count > 0)
            {
                return new ValidationReport(atlasPath, "findings", problems, [], null);
            }

            atlas = AtlasData.Load(manifest);
        }
        catch (GeoDataFormatException ex)
        {
            problems.Add(new ValidationProblem("load", "error", JsonPathOfFile(manifest, ex.FilePath), ex.Reason, ex.FilePath, ex.Line, ex.Column));
            return new ValidationReport(atlasPath, "unreadable", problems, [], null);
        }
        catch (AtlasValidationException ex)
        {
            problems.AddRange(ex.Issues.Select(i => new ValidationProblem("load", "error", i.JsonPath, i.Message)));
            return new ValidationReport(atlasPath, "findings", problems, [], null);
        }

        // A join finding is reported once per table row (per year); one line per distinct problem is enough.
        foreach (var f in atlas.Findings.Distinct())
        {
            // AtlasData reports join mismatches under $.tables[i] and geometry repairs / duplicate keys under $.layers[i].
            var join = f.JsonPath.StartsWith("$.tables", StringComparison.Ordinal);
            problems.Add(new ValidationProblem(join ? "join" : "load", join ? "error" : "warning", f.JsonPath, f.Message));
        }

        var suppression = atlas.View.Suppression;
        foreach (var issue in suppression.Issues)
        {
            problems.Add(new ValidationProblem("privacy", "warning", "$.privacy", issue.Message));
        }

        var layers = manifest.Layers.Select(l =>
        {
            var layer = atlas.GetLayer(l.Id);
            // The origin says whether the CRS was declared by the file, overridden by the atlas, detected, or whether
            // the layer was reprojected to the working CRS (EPSG:25832); the note says from what.
            var crs = $"{layer.Crs}, {layer.Crs.Origin.ToString().ToLowerInvariant()}{(layer.Crs.Note is { Length: > 0 } note ? ": " + note : "")}";
            return new ValidationLayer(l.Id, layer.Count, crs, atlas.HasValues(l.Id));
        }).ToList();
        var privacy = new ValidationPrivacy(
            suppression.Rules.Threshold,
            suppression.Rules.MinimumPopulation,
            suppression.Statistics.Select(s => new ValidationPrivacyTable(s.Table, s.Primary, s.Secondary, s.SuppressedAtSource)).ToList(),
            suppression.BelowMinimumPopulation.Count);
        var vintages = manifest.Tables.SelectMany(t => atlas.GetVintages(t.Id).Select(v => new ValidationVintage(
            t.Id, v.Id, v.File, v.Supplier, v.DeliveredBy, v.AcceptedUtc?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), v.Label))).ToList();
        var status = problems.Any(p => p.Severity == "error") ? "findings" : "clean";
        return new ValidationReport(atlasPath, status, problems, layers, privacy, vintages);
    }

    /// <summary>
    /// Checks that every column the manifest names exists in its table, so a typo is reported at the JSON path that
    /// names the column (<c>$.indicators[3].numerator</c>) instead of as an unreadable table.
    /// </summary>
    private static List<ValidationProblem> CheckColumns(AtlasManifest manifest)
    {
        var problems = new List<ValidationProblem>();
        for (var t = 0; t < manifest.Tables.Count; t++)
        {
            var spec = manifest.Tables[t];
            var table = TableReader.ReadCsv(manifest.ResolvePath(spec.File), new CsvReadOptions
            {
                Delimiter = spec.Delimiter is { Length: 1 } d ? d[0] : null,
                DecimalSeparator = spec.DecimalSeparator is { Length: 1 } c ? c[0] : null,
                Encoding = spec.Encoding is null ? null : System.Text.Encoding.GetEncoding(spec.Encoding),
                Columns = new TableColumnOptions { DetectKeyColumns = false },
            });
            var names = string.Join(", ", table.Columns.Select(col => col.Name));
            void Require(string? column, string path)
            {
                if (column is not null && !table.HasColumn(column))
                {
                    problems.Add(new ValidationProblem("load", "error", path, $"Column '{column}' is not in {spec.File} (columns: {names})."));
                }
            }

            var tp = $"$.tables[{t.ToString(CultureInfo.InvariantCulture)}]";
            Require(spec.Key, tp + ".key");
            Require(spec.Year, tp + ".year");
            for (var i = 0; i < manifest.Indicators.Count; i++)
            {
                var ind = manifest.Indicators[i];
                if (ind.Table == spec.Id)
                {
                    var ip = $"$.indicators[{i.ToString(CultureInfo.InvariantCulture)}]";
                    Require(ind.Numerator, ip + ".numerator");
                    Require(ind.Denominator, ip + ".denominator");
                }
            }

            if (t == 0)
            {
                Require(manifest.Privacy.PopulationColumn, "$.privacy.populationColumn");
            }
        }

        return problems;
    }

    private static string JsonPathOfFile(AtlasManifest manifest, string file)
    {
        var full = Path.GetFullPath(file);
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            if (manifest.ResolvePath(manifest.Layers[i].File) == full)
            {
                return $"$.layers[{i.ToString(CultureInfo.InvariantCulture)}].file";
            }
        }

        for (var i = 0; i < manifest.Tables.Count; i++)
        {
            if (manifest.ResolvePath(manifest.Tables[i].File) == full)
            {
                return $"$.tables[{i.ToString(CultureInfo.InvariantCulture)}].file";
            }
        }

        return "$";
    }

    private static void WriteText(ValidationReport report, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"Atlas: {report.Atlas}");
        foreach (var category in new[] { "manifest", "load", "join", "privacy" })
        {
            foreach (var p in report.Problems.Where(p => p.Category == category))
            {
                w.WriteLine($"  {p.Severity,-7} {p.Category,-8} {p.Describe()}");
            }
        }

        foreach (var l in report.Layers)
        {
            w.WriteLine(string.Create(inv, $"Layer {l.Id}: {l.Districts} districts, {l.Crs}{(l.InHierarchy ? "" : " (not in the hierarchy)")}"));
        }

        if (report.Privacy is { } privacy)
        {
            w.WriteLine(string.Create(inv, $"Privacy: threshold {privacy.Threshold}, minimum population {privacy.MinimumPopulation}; {privacy.BelowMinimumPopulation} unit-years below the minimum population"));
            foreach (var t in privacy.Tables)
            {
                w.WriteLine(string.Create(inv, $"  {t.Table}: {t.Primary} primary, {t.Secondary} secondary suppressed cells, {t.SuppressedAtSource} suppressed at source"));
            }
        }

        foreach (var table in (report.Vintages ?? []).GroupBy(v => v.Table))
        {
            w.WriteLine(string.Create(inv, $"Vintages of table {table.Key}: {table.Count()}"));
            foreach (var v in table)
            {
                w.WriteLine(v.Supplier is null
                    ? $"  {v.Id}: base table {v.File}"
                    : $"  {v.Id}: delivery of {v.Supplier}, accepted {v.AcceptedUtc}{(v.DeliveredBy is null ? "" : ", delivered by " + v.DeliveredBy)} ({v.File})");
            }
        }

        var errors = report.Problems.Count(p => p.Severity == "error");
        var warnings = report.Problems.Count(p => p.Severity == "warning");
        w.WriteLine(report.Status switch
        {
            "clean" => string.Create(inv, $"Result: clean ({warnings} warning(s))."),
            "unreadable" => "Result: unreadable.",
            _ => string.Create(inv, $"Result: {errors} blocking problem(s), {warnings} warning(s)."),
        });
    }
}

/// <summary>The result of <c>validate</c> (also its <c>--json</c> output).</summary>
/// <param name="Atlas">The atlas file.</param>
/// <param name="Status"><c>clean</c>, <c>findings</c> (exit 1) or <c>unreadable</c> (exit 3).</param>
/// <param name="Problems">Every problem and warning.</param>
/// <param name="Layers">The loaded layers (empty when loading failed).</param>
/// <param name="Privacy">The suppression summary (null when loading failed).</param>
/// <param name="Vintages">Per table the base file and every accepted delivery in acceptance order (<see cref="AtlasData.GetVintages"/>); null when loading failed.</param>
internal sealed record ValidationReport(string Atlas, string Status, IReadOnlyList<ValidationProblem> Problems, IReadOnlyList<ValidationLayer> Layers, ValidationPrivacy? Privacy, IReadOnlyList<ValidationVintage>? Vintages = null);

/// <summary>One vintage of an atlas table (docs/collection.md).</summary>
/// <param name="Table">Table id.</param>
/// <param name="Id">Base file name or delivery id.</param>
/// <param name="File">File relative to the atlas folder.</param>
/// <param name="Supplier">Supplier id of a delivery; null for the base table.</param>
/// <param name="DeliveredBy">Who delivered, if recorded.</param>
/// <param name="AcceptedUtc">Acceptance time (ISO 8601, UTC) of a delivery; null for the base table.</param>
/// <param name="Label">German label (<c>Lieferung jugendamt 2027-03-02</c>, <c>Grundtabelle …</c>).</param>
internal sealed record ValidationVintage(string Table, string Id, string File, string? Supplier, string? DeliveredBy, string? AcceptedUtc, string Label);

/// <summary>One diagnostic.</summary>
/// <param name="Category"><c>manifest</c>, <c>load</c>, <c>join</c> or <c>privacy</c>.</param>
/// <param name="Severity"><c>error</c> (blocks) or <c>warning</c>.</param>
/// <param name="Path">JSON path in the manifest.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="File">The file concerned, when a file could not be read.</param>
/// <param name="Line">Line in that file, when known.</param>
/// <param name="Column">Column in that file, when known.</param>
internal sealed record ValidationProblem(string Category, string Severity, string Path, string Message, string? File = null, long? Line = null, long? Column = null)
{
    /// <summary>One line for people: JSON path, message, and file position when known.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var where = File is null ? "" : Line is { } l ? string.Create(CultureInfo.InvariantCulture, $" ({File}, line {l}, column {Column ?? 0})") : $" ({File})";
        return $"{Path}: {Message}{where}";
    }
}

/// <summary>A loaded layer.</summary>
/// <param name="Id">Layer id.</param>
/// <param name="Districts">Number of districts.</param>
/// <param name="Crs">The CRS (after reprojection to EPSG:25832, with its origin).</param>
/// <param name="InHierarchy">Whether values can be shown on the layer.</param>
internal sealed record ValidationLayer(string Id, int Districts, string Crs, bool InHierarchy);

/// <summary>The privacy summary.</summary>
/// <param name="Threshold">Primary suppression threshold.</param>
/// <param name="MinimumPopulation">Minimum population for rates.</param>
/// <param name="Tables">Per count table: suppressed cells.</param>
/// <param name="BelowMinimumPopulation">Unit-years below the minimum population.</param>
internal sealed record ValidationPrivacy(int Threshold, int MinimumPopulation, IReadOnlyList<ValidationPrivacyTable> Tables, int BelowMinimumPopulation);

/// <summary>Suppressed cells of one count table (all years and levels).</summary>
/// <param name="Table">Count table (<c>table.column</c>).</param>
/// <param name="Primary">Primary suppressions.</param>
/// <param name="Secondary">Secondary suppressions.</param>
/// <param name="SuppressedAtSource">Cells the source did not publish.</param>
internal sealed record ValidationPrivacyTable(string Table, int Primary, int Secondary, int SuppressedAtSource);
