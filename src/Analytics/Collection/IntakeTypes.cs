using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Tables;

namespace GeoPrevention.Analytics.Collection;

/// <summary>How serious an intake finding is.</summary>
public enum IntakeSeverity
{
    /// <summary>The delivery cannot be accepted until this is fixed.</summary>
    Blocking,

    /// <summary>Worth a look (e.g. an implausible jump, an empty cell); does not block acceptance.</summary>
    Warning,

    /// <summary>For the record (e.g. a CSV instead of the template, cells suppressed at source).</summary>
    Info,
}

/// <summary>What an intake finding is about (rule numbers refer to <see cref="IntakeCheck"/>).</summary>
public enum IntakeFindingKind
{
    /// <summary>Rule 1: the file is a CSV or a foreign workbook instead of the xlsx template (info).</summary>
    ForeignFormat,

    /// <summary>Rule 2: the supplier was detected from the columns (info), or could not be (blocking).</summary>
    Supplier,

    /// <summary>Rule 3: a required column (key, year or a supplier column) is missing.</summary>
    MissingColumn,

    /// <summary>Rule 3: a column that is not part of the delivery; ignored.</summary>
    ExtraColumn,

    /// <summary>Rule 4: a row for another year than the delivery's, or without a year.</summary>
    WrongYear,

    /// <summary>Rule 4: the year is already in the atlas; accepting makes the delivery the newer vintage (info).</summary>
    KnownYear,

    /// <summary>Rule 5: a row without a key.</summary>
    EmptyKey,

    /// <summary>Rule 5: a key that is no district of the table's layer or its parent layers (with a near-match hint).</summary>
    UnknownKey,

    /// <summary>Rule 5: a key that occurs on more than one row.</summary>
    DuplicateKey,

    /// <summary>Rule 5: a district of the layer has no row.</summary>
    MissingDistrict,

    /// <summary>Rule 5: rows of a parent layer (totals) were found and are used for the sum check (info).</summary>
    ParentRows,

    /// <summary>Rule 6: a cell that is not a number (and no NA or suppression token).</summary>
    NonNumeric,

    /// <summary>Rule 6: a negative count or amount.</summary>
    Negative,

    /// <summary>Rule 6: a count with decimals.</summary>
    Fractional,

    /// <summary>Rule 6: an empty cell (warning).</summary>
    MissingValue,

    /// <summary>Rule 6: a supplier column without a single value (an unfilled template): blocking.</summary>
    EmptyColumn,

    /// <summary>Rule 6: a cell suppressed at source (<c>x</c>, <c>&lt;3</c>; info).</summary>
    SuppressedAtSource,

    /// <summary>Rule 7: a numerator larger than its denominator.</summary>
    NumeratorAboveDenominator,

    /// <summary>Rule 7: the numerator/denominator check could not be made for lack of the other column (info).</summary>
    DenominatorUnavailable,

    /// <summary>Rule 8: the districts of a parent do not add up to the parent's total.</summary>
    ChildrenSum,

    /// <summary>Rule 9: a change against the district's own history beyond the robust limit and the noise allowance.</summary>
    ImplausibleChange,
}

/// <summary>One finding of an intake check, located by district, column and line/cell of the delivered file.</summary>
/// <param name="Severity">Blocking, warning or info.</param>
/// <param name="Kind">What was found.</param>
/// <param name="Key">The district key, if the finding is about one.</param>
/// <param name="DistrictName">The district name (from the atlas, else from the file's <c>name</c> column).</param>
/// <param name="Column">The column, if the finding is about one.</param>
/// <param name="Line">1-based line (CSV) or sheet row (xlsx).</param>
/// <param name="Cell">The cell in spreadsheet notation (e.g. <c>D7</c>), if the finding is about one cell.</param>
/// <param name="Message">German explanation.</param>
public sealed record IntakeFinding(IntakeSeverity Severity, IntakeFindingKind Kind, string? Key, string? DistrictName, string? Column, int? Line, string? Cell, string Message);

/// <summary>Options of <see cref="IntakeCheck.Check(AtlasData, string, IntakeOptions)"/>.</summary>
public sealed class IntakeOptions
{
    /// <summary>The supplier id; <see langword="null"/> detects the supplier from the file's columns.</summary>
    public string? Supplier { get; init; }

    /// <summary>The reporting year; <see langword="null"/> takes the most frequent year of the file's year column.</summary>
    public int? Year { get; init; }

    /// <summary>Parameters of the history check (rule 9).</summary>
    public PlausibilityOptions Plausibility { get; init; } = new();
}

/// <summary>One delivered cell of a supplier column.</summary>
/// <param name="Value">The number (NaN unless <paramref name="Status"/> is <see cref="CellStatus.Value"/>).</param>
/// <param name="Status">Value, missing, suppressed at source or invalid.</param>
/// <param name="SourceText">The original text of a suppressed or invalid cell (e.g. <c>&lt;3</c>).</param>
public readonly record struct DeliveredCell(double Value, CellStatus Status, string? SourceText);

/// <summary>One district row of a delivery.</summary>
/// <param name="Key">The district key.</param>
/// <param name="Line">1-based line or sheet row.</param>
/// <param name="Cells">The supplier columns' cells, in <see cref="IntakeResult.Columns"/> order.</param>
public sealed record DeliveredRow(string Key, int Line, IReadOnlyList<DeliveredCell> Cells);

/// <summary>The outcome of an intake check: the findings and the parsed delivery (accepted by <see cref="DeliveryStore"/>).</summary>
public sealed class IntakeResult
{
    internal IntakeResult(AtlasManifest manifest, string sourcePath, string sourceSha256, DateTimeOffset receivedUtc, string format, AtlasSupplier? supplier, AtlasTable? table, int? year, IReadOnlyList<string> columns, IReadOnlyList<DeliveredRow> rows, IReadOnlyList<IntakeFinding> findings)
    {
        Manifest = manifest;
        SourcePath = sourcePath;
        SourceSha256 = sourceSha256;
        ReceivedUtc = receivedUtc;
        Format = format;
        Supplier = supplier;
        Table = table;
        Year = year;
        Columns = columns;
        Rows = rows;
        Findings = findings;
    }

    /// <summary>The atlas manifest the delivery was checked against.</summary>
    public AtlasManifest Manifest { get; }

    /// <summary>The delivered file (full path).</summary>
    public string SourcePath { get; }

    /// <summary>SHA-256 of the delivered file at check time (lower-case hex).</summary>
    public string SourceSha256 { get; }

    /// <summary>The file's last-write time (taken as the time of receipt), UTC.</summary>
    public DateTimeOffset ReceivedUtc { get; }

    /// <summary>How the file was read, e.g. <c>XLSX (Vorlage)</c> or <c>CSV (windows-1252, ';')</c>.</summary>
    public string Format { get; }

    /// <summary>The supplier (given or detected); <see langword="null"/> when none could be determined.</summary>
    public AtlasSupplier? Supplier { get; }

    /// <summary>The atlas table of the supplier.</summary>
    public AtlasTable? Table { get; }

    /// <summary>The reporting year; <see langword="null"/> when none could be determined.</summary>
    public int? Year { get; }

    /// <summary>The supplier columns present in the file, in the supplier's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The district rows (first occurrence of each key of the table's layer), in file order.</summary>
    public IReadOnlyList<DeliveredRow> Rows { get; }

    /// <summary>The findings: blocking first, then warnings, then info; each group in file order.</summary>
    public IReadOnlyList<IntakeFinding> Findings { get; }

    /// <summary>Whether any finding blocks acceptance.</summary>
    public bool HasBlocking => Findings.Any(f => f.Severity == IntakeSeverity.Blocking);

    /// <summary>The number of findings of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The count.</returns>
    public int Count(IntakeSeverity severity) => Findings.Count(f => f.Severity == severity);
}
