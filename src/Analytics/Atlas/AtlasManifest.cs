using System.Text.Json.Serialization;

namespace GeoPrevention.Analytics.Atlas;

/// <summary>
/// An atlas manifest (<c>atlas.json</c>): layers and their hierarchy, indicator tables, indicators,
/// prevention goals, privacy rules and map defaults. Load it with <see cref="AtlasLoader.Load(string)"/>,
/// which validates it against <c>docs/atlas.schema.json</c> and resolves relative paths.
/// </summary>
public sealed record AtlasManifest
{
    /// <summary>Title shown on maps and in the web host (German).</summary>
    public required string Title { get; init; }

    /// <summary>Optional longer description.</summary>
    public string? Description { get; init; }

    /// <summary>True for synthetic demo data; maps then say so.</summary>
    public bool Demo { get; init; }

    /// <summary>Attribution line for the geometry.</summary>
    public string? Attribution { get; init; }

    /// <summary>District layers, finest first is customary.</summary>
    public required IReadOnlyList<AtlasLayer> Layers { get; init; }

    /// <summary>Indicator tables.</summary>
    public required IReadOnlyList<AtlasTable> Tables { get; init; }

    /// <summary>Indicator definitions.</summary>
    public required IReadOnlyList<AtlasIndicator> Indicators { get; init; }

    /// <summary>Prevention goals.</summary>
    public IReadOnlyList<AtlasGoal> Goals { get; init; } = [];

    /// <summary>Optional cost tables (e.g. youth-welfare spending per Gemeinde and year), shown as per-capita and per-case KPIs next to goals.</summary>
    public IReadOnlyList<AtlasCost> Costs { get; init; } = [];

    /// <summary>Data suppliers: who delivers which columns of which table every year, and by when (see docs/collection.md).</summary>
    public IReadOnlyList<AtlasSupplier> Suppliers { get; init; } = [];

    /// <summary>Confidentiality rules.</summary>
    public AtlasPrivacy Privacy { get; init; } = new();

    /// <summary>Map defaults.</summary>
    public AtlasMapDefaults Map { get; init; } = new();

    /// <summary>The folder of the atlas file; relative paths resolve against it. Set by the loader.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; init; } = "";

    /// <summary>The full path of a file named in the manifest (already checked not to leave <see cref="BaseDirectory"/>).</summary>
    /// <param name="relativePath">A path as written in the manifest.</param>
    public string ResolvePath(string relativePath) => Path.GetFullPath(Path.Combine(BaseDirectory, relativePath));

    /// <summary>The layer with the given id, or <see langword="null"/>.</summary>
    /// <param name="id">Layer id.</param>
    public AtlasLayer? FindLayer(string id) => Layers.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.Ordinal));

    /// <summary>The table with the given id, or <see langword="null"/>.</summary>
    /// <param name="id">Table id.</param>
    public AtlasTable? FindTable(string id) => Tables.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>The indicator with the given id, or <see langword="null"/>.</summary>
    /// <param name="id">Indicator id.</param>
    public AtlasIndicator? FindIndicator(string id) => Indicators.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    /// <summary>The supplier with the given id, or <see langword="null"/>.</summary>
    /// <param name="id">Supplier id.</param>
    public AtlasSupplier? FindSupplier(string id) => Suppliers.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}

/// <summary>A district layer of the atlas.</summary>
public sealed record AtlasLayer
{
    /// <summary>Identifier (lower case, used in URLs and CLI options).</summary>
    public required string Id { get; init; }

    /// <summary>German label, e.g. "Sozialräume".</summary>
    public required string Label { get; init; }

    /// <summary>Geometry file, relative to the atlas folder.</summary>
    public required string File { get; init; }

    /// <summary>GeoPackage table or TopoJSON object; default the first.</summary>
    public string? Table { get; init; }

    /// <summary>Key field (text).</summary>
    public required string Key { get; init; }

    /// <summary>Display-name field.</summary>
    public required string Name { get; init; }

    /// <summary>Field holding the parent key, if the layer has a parent layer.</summary>
    public string? Parent { get; init; }

    /// <summary>The parent layer id (e.g. Sozialräume → Gemeinden).</summary>
    public string? ParentLayer { get; init; }

    /// <summary>CRS override such as "EPSG:25832".</summary>
    public string? Crs { get; init; }
}

/// <summary>An indicator table of the atlas (long layout: key, year, value columns).</summary>
public sealed record AtlasTable
{
    /// <summary>Identifier.</summary>
    public required string Id { get; init; }

    /// <summary>CSV or xlsx file, relative to the atlas folder.</summary>
    public required string File { get; init; }

    /// <summary>The layer whose keys the table uses.</summary>
    public required string Layer { get; init; }

    /// <summary>Key column.</summary>
    public required string Key { get; init; }

    /// <summary>Year column.</summary>
    public required string Year { get; init; }

    /// <summary>Delimiter override.</summary>
    public string? Delimiter { get; init; }

    /// <summary>Decimal separator override (JSON name <c>decimal</c>).</summary>
    [JsonPropertyName("decimal")]
    public string? DecimalSeparator { get; init; }

    /// <summary>Encoding override.</summary>
    public string? Encoding { get; init; }

    /// <summary>Excel sheet name.</summary>
    public string? Sheet { get; init; }

    /// <summary>Source of the data (shown on maps).</summary>
    public string? Source { get; init; }

    /// <summary>Data date (Stichtag).</summary>
    public string? DataDate { get; init; }
}

/// <summary>Whether higher values of an indicator are worse or better.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AtlasPolarity>))]
public enum AtlasPolarity
{
    /// <summary>Higher values describe a worse situation (e.g. child poverty).</summary>
    HigherIsWorse,

    /// <summary>Higher values describe a better situation (e.g. Kita attendance).</summary>
    HigherIsBetter,

    /// <summary>No direction.</summary>
    Neutral,
}

/// <summary>What an indicator's numerator counts relative to its denominator; decides the confidence interval.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AtlasRateKind>))]
public enum AtlasRateKind
{
    /// <summary>A share: the numerator is a subset of the denominator (Wilson interval).</summary>
    Share,

    /// <summary>Events per population, e.g. cases per 1,000 (exact Poisson interval).</summary>
    Rate,
}

/// <summary>An indicator: numerator over denominator, scaled.</summary>
public sealed record AtlasIndicator
{
    /// <summary>Identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Theme group (e.g. "Armut", "Gesundheit").</summary>
    public string? Theme { get; init; }

    /// <summary>German label.</summary>
    public required string Label { get; init; }

    /// <summary>Short German label for legends.</summary>
    public string? ShortLabel { get; init; }

    /// <summary>German description.</summary>
    public string? Description { get; init; }

    /// <summary>Table id.</summary>
    public required string Table { get; init; }

    /// <summary>Numerator column (a count).</summary>
    public required string Numerator { get; init; }

    /// <summary>Denominator column; required unless <see cref="AllowCount"/>.</summary>
    public string? Denominator { get; init; }

    /// <summary>Allow mapping a count without denominator.</summary>
    public bool AllowCount { get; init; }

    /// <summary>Scale: 100 for percent, 1000 for per mille.</summary>
    public int Scale { get; init; } = 100;

    /// <summary>Unit text, e.g. "%".</summary>
    public string? Unit { get; init; }

    /// <summary>Denominator text, e.g. "je 100 Kinder unter 15 Jahren".</summary>
    public string? DenominatorLabel { get; init; }

    /// <summary>Polarity.</summary>
    public AtlasPolarity Polarity { get; init; }

    /// <summary>Share (default) or rate; decides the confidence-interval method.</summary>
    public AtlasRateKind Kind { get; init; }

    /// <summary>Minimum denominator for a reliable rate.</summary>
    public int MinDenominator { get; init; }

    /// <summary>Decimals shown.</summary>
    public int Decimals { get; init; } = 1;

    /// <summary>Source (overrides the table's).</summary>
    public string? Source { get; init; }

    /// <summary>Data date (overrides the table's).</summary>
    public string? DataDate { get; init; }
}

/// <summary>A prevention goal.</summary>
public sealed record AtlasGoal
{
    /// <summary>Identifier.</summary>
    public required string Id { get; init; }

    /// <summary>German label.</summary>
    public required string Label { get; init; }

    /// <summary>Indicator id.</summary>
    public required string Indicator { get; init; }

    /// <summary>Scope: a layer and keys (e.g. the Kreis, a Gemeinde, a set of Sozialräume).</summary>
    public required AtlasScope Scope { get; init; }

    /// <summary>Baseline year.</summary>
    public required int BaselineYear { get; init; }

    /// <summary>Baseline value; taken from the data when absent.</summary>
    public double? BaselineValue { get; init; }

    /// <summary>Target value.</summary>
    public required double Target { get; init; }

    /// <summary>Deadline year.</summary>
    public required int Deadline { get; init; }

    /// <summary>Interim milestones.</summary>
    public IReadOnlyList<AtlasMilestone> Milestones { get; init; } = [];
}

/// <summary>
/// A cost table: spending per district of a layer (e.g. Gemeinde) and year, in euros. Costs are not personal data and
/// are not suppressed; the per-capita and per-case figures divide them by published counts only.
/// </summary>
public sealed record AtlasCost
{
    /// <summary>Identifier.</summary>
    public required string Id { get; init; }

    /// <summary>German label, e.g. "Ausgaben Hilfen zur Erziehung".</summary>
    public required string Label { get; init; }

    /// <summary>CSV file, relative to the atlas folder.</summary>
    public required string File { get; init; }

    /// <summary>The layer whose keys the table uses (must be part of the hierarchy, e.g. "gemeinden").</summary>
    public required string Layer { get; init; }

    /// <summary>Key column.</summary>
    public required string Key { get; init; }

    /// <summary>Year column.</summary>
    public required string Year { get; init; }

    /// <summary>Column with the amount in euros.</summary>
    public required string Column { get; init; }

    /// <summary>Indicator whose numerator counts the cases (for "je Fall"); none → no per-case figure.</summary>
    public string? CasesIndicator { get; init; }

    /// <summary>Outcome indicators next to whose goals the costs are shown; empty = next to every goal.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>Delimiter override.</summary>
    public string? Delimiter { get; init; }

    /// <summary>Decimal separator override (JSON name <c>decimal</c>).</summary>
    [JsonPropertyName("decimal")]
    public string? DecimalSeparator { get; init; }

    /// <summary>Source of the figures.</summary>
    public string? Source { get; init; }
}

/// <summary>
/// A data supplier (e.g. the Jobcenter): the value columns of one atlas table it delivers every year, with German
/// labels, units and definitions for its template, and the due date. Layer, key and year column come from the table.
/// Every column of a table is delivered by at most one supplier (checked by <see cref="AtlasLoader"/>).
/// </summary>
public sealed record AtlasSupplier
{
    /// <summary>Identifier (<c>[a-z][a-z0-9_-]*</c>), used in file names and the <c>--supplier</c> option.</summary>
    public required string Id { get; init; }

    /// <summary>German name of the supplier, e.g. "Jobcenter Kreis Warendorf".</summary>
    public required string Label { get; init; }

    /// <summary>Whom to contact with questions about the template (e-mail or phone), shown in the instructions.</summary>
    public string? Contact { get; init; }

    /// <summary>The atlas table the supplier's columns belong to.</summary>
    public required string Table { get; init; }

    /// <summary>Due date as <c>MM-dd</c> in the year after the reporting year (e.g. <c>04-30</c>); see <see cref="DueDate"/>.</summary>
    public required string Due { get; init; }

    /// <summary>Whether the template shows last year's publishable values for reference (default false).</summary>
    public bool PreviousYear { get; init; }

    /// <summary>The value columns the supplier delivers, in template order.</summary>
    public required IReadOnlyList<AtlasSupplierColumn> Columns { get; init; }

    /// <summary>The due date of the delivery for a reporting year: <see cref="Due"/> in the following year.</summary>
    /// <param name="year">The reporting year.</param>
    /// <returns>The date, e.g. 2027-04-30 for year 2026 and due <c>04-30</c>.</returns>
    /// <exception cref="FormatException"><see cref="Due"/> is not a valid <c>MM-dd</c> day (the loader rejects such manifests).</exception>
    public DateOnly DueDate(int year) => ParseDue(Due, year + 1)
        ?? throw new FormatException($"Supplier '{Id}': due date '{Due}' is not a valid MM-dd day.");

    /// <summary>Parses <c>MM-dd</c> in the given year; null when malformed or not a day of every year (02-29).</summary>
    internal static DateOnly? ParseDue(string due, int year)
    {
        if (due.Length != 5 || due[2] != '-'
            || !int.TryParse(due.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(due.AsSpan(3, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }
}

/// <summary>What kind of number a supplier column asks for; decides the template's validation and the intake checks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AtlasValueType>))]
public enum AtlasValueType
{
    /// <summary>A count of persons, cases or households: a whole number ≥ 0 (default). Goes through the confidentiality rules.</summary>
    Count,

    /// <summary>An amount such as euros: a number ≥ 0 with decimals.</summary>
    Amount,

    /// <summary>Any number (may be negative), e.g. a balance.</summary>
    Number,
}

/// <summary>One value column a supplier delivers.</summary>
public sealed record AtlasSupplierColumn
{
    /// <summary>Column name in the atlas table (machine id, also the template's header).</summary>
    public required string Column { get; init; }

    /// <summary>German label, e.g. "Untersuchte Kinder".</summary>
    public required string Label { get; init; }

    /// <summary>Unit, e.g. "Kinder", "Fälle", "Euro".</summary>
    public string? Unit { get; init; }

    /// <summary>German definition: what exactly is counted, at which date, with which delimitation.</summary>
    public required string Definition { get; init; }

    /// <summary>Kind of number (default <see cref="AtlasValueType.Count"/>).</summary>
    public AtlasValueType Type { get; init; }
}

/// <summary>A goal scope.</summary>
public sealed record AtlasScope
{
    /// <summary>Layer id.</summary>
    public required string Layer { get; init; }

    /// <summary>Keys in that layer.</summary>
    public required IReadOnlyList<string> Keys { get; init; }
}

/// <summary>An interim milestone of a goal.</summary>
public sealed record AtlasMilestone
{
    /// <summary>Year.</summary>
    public required int Year { get; init; }

    /// <summary>Value to reach by that year.</summary>
    public required double Value { get; init; }
}

/// <summary>Confidentiality settings (see docs/privacy.md).</summary>
public sealed record AtlasPrivacy
{
    /// <summary>Counts below this are suppressed.</summary>
    public int Threshold { get; init; } = 3;

    /// <summary>Whether zero counts are confidential too.</summary>
    public bool ZeroIsConfidential { get; init; }

    /// <summary>Minimum population for rates and indices.</summary>
    public int MinPopulation { get; init; } = 300;

    /// <summary>Population column used for the minimum-population rule.</summary>
    public string? PopulationColumn { get; init; }

    /// <summary>Rounding base for published counts (1 = none).</summary>
    public int RoundTo { get; init; } = 1;
}

/// <summary>Map defaults.</summary>
public sealed record AtlasMapDefaults
{
    /// <summary>Palette name.</summary>
    public string Palette { get; init; } = "YlOrRd";

    /// <summary>Classification method.</summary>
    public string Classification { get; init; } = "quantile";

    /// <summary>Number of classes.</summary>
    public int Classes { get; init; } = 5;

    /// <summary>Pool the breaks over all years so maps of different years are comparable.</summary>
    public bool PoolYears { get; init; } = true;

    /// <summary>Layer whose outlines are emphasised (e.g. youth-welfare areas).</summary>
    public string? EmphasisLayer { get; init; }

    /// <summary>Map areas (presets), e.g. Kreis, Ahlen, Beckum, Oelde.</summary>
    public IReadOnlyList<AtlasArea> Areas { get; init; } = [];
}

/// <summary>A map area preset.</summary>
public sealed record AtlasArea
{
    /// <summary>Identifier, e.g. "ahlen".</summary>
    public required string Id { get; init; }

    /// <summary>German label.</summary>
    public required string Label { get; init; }

    /// <summary>Layer of the keys.</summary>
    public required string Layer { get; init; }

    /// <summary>Keys whose extent the area shows.</summary>
    public required IReadOnlyList<string> Keys { get; init; }
}
