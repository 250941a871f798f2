using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GeoPrevention.Geo.IO;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>The rules of a release as written into the manifest.</summary>
/// <param name="Threshold">Counts 1..Threshold-1 are confidential.</param>
/// <param name="ZeroIsConfidential">Whether 0 is confidential.</param>
/// <param name="MinimumPopulation">Minimum population for rates (0 = off).</param>
/// <param name="PopulationTable">The table holding the population.</param>
/// <param name="RoundingBase">Rounding base of published counts, or null.</param>
/// <param name="IntervalProtection">Whether interval disclosures were repaired.</param>
public sealed record ManifestRules(int Threshold, bool ZeroIsConfidential, int MinimumPopulation, string PopulationTable, int? RoundingBase, bool IntervalProtection);

/// <summary>One suppressed cell in the manifest.</summary>
/// <param name="Key">The unit key.</param>
/// <param name="Category">The category.</param>
/// <param name="Reason">Why it is suppressed.</param>
public sealed record ManifestCell(string Key, string Category, CellStatus Reason);

/// <summary>Suppression of one table, year and level.</summary>
/// <param name="Year">The year.</param>
/// <param name="Level">The level.</param>
/// <param name="Cells">All cells of the level.</param>
/// <param name="Published">Published cells.</param>
/// <param name="Primary">Primary suppressions.</param>
/// <param name="Secondary">Secondary suppressions.</param>
/// <param name="SuppressedAtSource">Cells unknown in the input.</param>
/// <param name="Suppressed">The suppressed cells, in hierarchy order.</param>
public sealed record ManifestLevel(int Year, HierarchyLevel Level, int Cells, int Published, int Primary, int Secondary, int SuppressedAtSource, IReadOnlyList<ManifestCell> Suppressed);

/// <summary>One table in the manifest.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Categories">The categories.</param>
/// <param name="TotalCategory">The total category, or null.</param>
/// <param name="Years">The years.</param>
/// <param name="Primary">Primary suppressions (all years).</param>
/// <param name="Secondary">Secondary suppressions (all years).</param>
/// <param name="SuppressedAtSource">Cells unknown in the input (all years).</param>
/// <param name="Levels">Per year and level.</param>
public sealed record ManifestTable(string Name, IReadOnlyList<string> Categories, string? TotalCategory, IReadOnlyList<int> Years, int Primary, int Secondary, int SuppressedAtSource, IReadOnlyList<ManifestLevel> Levels);

/// <summary>A unit and year below the minimum population.</summary>
/// <param name="Key">The unit key.</param>
/// <param name="Year">The year.</param>
public sealed record ManifestUnitYear(string Key, int Year);

/// <summary>Options for <see cref="ReleaseManifest.Create(SuppressionResult, DateOnly, ReleaseManifestOptions)"/>.</summary>
public sealed class ReleaseManifestOptions
{
    /// <summary>The clock for <see cref="ReleaseManifest.CreatedUtc"/> (default: the system clock; tests inject a fixed one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// The record of one release (DESIGN §4): the rules, what was suppressed per table, year and level (counts and keys),
/// the units below the minimum population, the data date (Stichtag), the creation time and the software version.
/// Written as JSON (invariant, camelCase, enums as names) and as readable German or English text. It contains no count
/// values.
/// </summary>
public sealed class ReleaseManifest
{
    /// <summary>The current format version of the JSON.</summary>
    public const int CurrentSchemaVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The format version (<see cref="CurrentSchemaVersion"/>).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When the manifest was created (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The data date (Stichtag) of the counts.</summary>
    public DateOnly DataDate { get; init; }

    /// <summary>The informational version of the GeoPrevention.Analytics assembly that applied the rules.</summary>
    public string SoftwareVersion { get; init; } = string.Empty;

    /// <summary>The rules applied.</summary>
    public ManifestRules Rules { get; init; } = new(0, false, 0, string.Empty, null, false);

    /// <summary>The tables with their suppressions.</summary>
    public IReadOnlyList<ManifestTable> Tables { get; init; } = [];

    /// <summary>Units and years without rates because of the minimum population.</summary>
    public IReadOnlyList<ManifestUnitYear> BelowMinimumPopulation { get; init; } = [];

    /// <summary>Data-quality findings (English).</summary>
    public IReadOnlyList<string> Issues { get; init; } = [];

    /// <summary>The software version recorded in manifests: the informational version of GeoPrevention.Analytics.</summary>
    public static string CurrentSoftwareVersion { get; } =
        typeof(ReleaseManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ReleaseManifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Creates the manifest of a suppression result with the system clock.</summary>
    /// <param name="result">The suppression result (e.g. <see cref="PublishableView.Suppression"/>).</param>
    /// <param name="dataDate">The data date (Stichtag).</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ReleaseManifest Create(SuppressionResult result, DateOnly dataDate) => Create(result, dataDate, new ReleaseManifestOptions());

    /// <summary>Creates the manifest of a suppression result.</summary>
    /// <param name="result">The suppression result (e.g. <see cref="PublishableView.Suppression"/>).</param>
    /// <param name="dataDate">The data date (Stichtag).</param>
    /// <param name="options">The clock.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReleaseManifest Create(SuppressionResult result, DateOnly dataDate, ReleaseManifestOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Clock);
        var r = result.Rules;
        var tables = new List<ManifestTable>();
        foreach (var table in result.TablesInternal)
        {
            var stats = result.Statistics.Single(s => s.Table == table.Name);
            var levels = result.Summaries
                .Where(s => s.Table == table.Name)
                .Select(s => new ManifestLevel(
                    s.Year,
                    s.Level,
                    s.Cells,
                    s.Published,
                    s.Primary,
                    s.Secondary,
                    s.SuppressedAtSource,
                    result.SuppressedCells
                        .Where(c => c.Table == table.Name && c.Year == s.Year && c.Level == s.Level)
                        .Select(c => new ManifestCell(c.Key, c.Category, c.Reason))
                        .ToList()))
                .ToList();
            tables.Add(new ManifestTable(table.Name, table.Categories.ToList(), table.TotalCategory, table.Years.ToList(), stats.Primary, stats.Secondary, stats.SuppressedAtSource, levels));
        }

        return new ReleaseManifest
        {
            CreatedUtc = options.Clock.GetUtcNow().ToUniversalTime(),
            DataDate = dataDate,
            SoftwareVersion = CurrentSoftwareVersion,
            Rules = new ManifestRules(r.Threshold, r.ZeroIsConfidential, r.MinimumPopulation, r.PopulationTable, r.RoundingBase, r.IntervalProtection),
            Tables = tables,
            BelowMinimumPopulation = result.BelowMinimumPopulation.Select(b => new ManifestUnitYear(b.Key, b.Year)).ToList(),
            Issues = result.Issues.Select(i => i.Message).ToList(),
        };
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a manifest.</exception>
    public static ReleaseManifest FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<ReleaseManifest>(json, JsonOptions) ?? throw new JsonException("The manifest JSON is null.");
    }

    /// <summary>The manifest as JSON (UTF-8 text, invariant culture, camelCase names, enums as names, indented).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Writes the JSON atomically (temporary file in the same folder, then rename).</summary>
    /// <param name="path">The target file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, temp => File.WriteAllText(temp, ToJson(), new UTF8Encoding(false)));
    }

    /// <summary>A readable text for people: German when the culture's language is German, English otherwise.</summary>
    /// <param name="culture">The culture for language, dates and numbers (de-DE for German planners).</param>
    /// <returns>The text, one fact per line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string ToText(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var de = culture.TwoLetterISOLanguageName == "de";
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(text).Append('\n');
        string N(long v) => v.ToString("N0", culture);

        Line(de ? "Freigabeprotokoll – Geheimhaltung" : "Release manifest – confidentiality");
        Line((de ? "Datenstand (Stichtag): " : "Data date: ") + DataDate.ToString(de ? "dd.MM.yyyy" : "yyyy-MM-dd", culture));
        Line((de ? "Erstellt: " : "Created: ") + CreatedUtc.ToString(de ? "dd.MM.yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", culture) + " UTC");
        Line("Software: GeoPrevention " + SoftwareVersion);
        var small = Rules.Threshold > 1
            ? (Rules.Threshold == 2 ? N(1) : N(1) + (de ? " bis " : " to ") + N(Rules.Threshold - 1))
            : (de ? "keine" : "none");
        Line(de
            ? $"Regeln: Fallzahlen {small} werden gesperrt (Schwelle {N(Rules.Threshold)}); Nullen werden {(Rules.ZeroIsConfidential ? "gesperrt" : "veröffentlicht")}; sekundäre Sperrung gegen Differenzbildung entlang der Gebietshierarchie und der Kategorien."
            : $"Rules: counts {small} are suppressed (threshold {N(Rules.Threshold)}); zeros are {(Rules.ZeroIsConfidential ? "suppressed" : "published")}; secondary suppression against differencing along the hierarchy and the categories.");
        Line(de
            ? (Rules.MinimumPopulation > 0 ? $"Mindestbevölkerung für Quoten und Indizes: {N(Rules.MinimumPopulation)} (Tabelle {Rules.PopulationTable})" : "Mindestbevölkerung: keine")
            : (Rules.MinimumPopulation > 0 ? $"Minimum population for rates and indices: {N(Rules.MinimumPopulation)} (table {Rules.PopulationTable})" : "Minimum population: none"));
        Line(de
            ? "Rundung: " + (Rules.RoundingBase is { } rb ? $"auf Vielfache von {N(rb)}" : "keine") + "; Intervallschutz: " + (Rules.IntervalProtection ? "ja" : "nein")
            : "Rounding: " + (Rules.RoundingBase is { } rb2 ? $"to multiples of {N(rb2)}" : "none") + "; interval protection: " + (Rules.IntervalProtection ? "yes" : "no"));
        foreach (var t in Tables)
        {
            Line(de
                ? $"Tabelle {t.Name} (Kategorien: {string.Join(", ", t.Categories)}; Jahre: {string.Join(", ", t.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}): {N(t.Primary)} primär, {N(t.Secondary)} sekundär, {N(t.SuppressedAtSource)} an der Quelle gesperrt"
                : $"Table {t.Name} (categories: {string.Join(", ", t.Categories)}; years: {string.Join(", ", t.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}): {N(t.Primary)} primary, {N(t.Secondary)} secondary, {N(t.SuppressedAtSource)} suppressed at source");
            foreach (var l in t.Levels)
            {
                var year = l.Year.ToString(CultureInfo.InvariantCulture);
                Line(de
                    ? $"  {year} {l.Level}: {N(l.Cells)} Zellen, {N(l.Published)} veröffentlicht, {N(l.Primary)} primär, {N(l.Secondary)} sekundär, {N(l.SuppressedAtSource)} an der Quelle gesperrt"
                    : $"  {year} {l.Level}: {N(l.Cells)} cells, {N(l.Published)} published, {N(l.Primary)} primary, {N(l.Secondary)} secondary, {N(l.SuppressedAtSource)} suppressed at source");
                if (l.Suppressed.Count > 0)
                {
                    Line((de ? "    gesperrt: " : "    suppressed: ") + string.Join(", ", l.Suppressed.Select(c => $"{c.Key}/{c.Category} ({Reason(c.Reason, de)})")));
                }
            }
        }

        if (BelowMinimumPopulation.Count > 0)
        {
            Line((de ? "Ohne Quoten (unter der Mindestbevölkerung): " : "No rates (below the minimum population): ")
                + string.Join(", ", BelowMinimumPopulation.Select(b => $"{b.Key} ({b.Year.ToString(CultureInfo.InvariantCulture)})")));
        }

        foreach (var issue in Issues)
        {
            Line((de ? "Hinweis: " : "Note: ") + issue);
        }

        return sb.ToString();
    }

    private static string Reason(CellStatus reason, bool de) => reason switch
    {
        CellStatus.Primary => de ? "primär" : "primary",
        CellStatus.Secondary => de ? "sekundär" : "secondary",
        CellStatus.SuppressedAtSource => de ? "an der Quelle" : "at source",
        CellStatus.MinimumPopulation => de ? "Mindestbevölkerung" : "minimum population",
        CellStatus.Undefined => de ? "nicht definiert" : "undefined",
        _ => de ? "veröffentlicht" : "published",
    };
}
