using System.Text;

namespace GeoPrevention.Analytics.Tables;

/// <summary>
/// Options for <see cref="TableReader.ReadCsv(string, CsvReadOptions?)"/>. Every property left
/// <see langword="null"/> is detected from the file (see docs/tables.md); setting it overrides the detection.
/// </summary>
public sealed class CsvReadOptions
{
    /// <summary>The field delimiter (<c>;</c>, <c>,</c> or tab); <see langword="null"/> detects it from the first lines.</summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// The decimal separator for all numeric columns (<c>,</c> or <c>.</c>); <see langword="null"/> decides per column
    /// from the evidence in its values. The other of the two characters is then accepted as thousands separator.
    /// </summary>
    public char? DecimalSeparator { get; init; }

    /// <summary>The text encoding; <see langword="null"/> detects UTF-8 (with or without BOM), else Windows-1252.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Whether the first row is a header; <see langword="null"/> detects it.</summary>
    public bool? HasHeader { get; init; }

    /// <summary>Shared options for column roles, NA and suppression tokens and report checks.</summary>
    public TableColumnOptions Columns { get; init; } = new();
}

/// <summary>Options for <see cref="TableReader.ReadExcel(string, ExcelReadOptions?)"/> (<c>.xlsx</c>).</summary>
public sealed class ExcelReadOptions
{
    /// <summary>The worksheet name; <see langword="null"/> reads the first sheet.</summary>
    public string? SheetName { get; init; }

    /// <summary>Whether the first used row is a header; <see langword="null"/> detects it.</summary>
    public bool? HasHeader { get; init; }

    /// <summary>
    /// The decimal separator for numbers stored as text in the sheet; <see langword="null"/> decides per column.
    /// Numbers stored as numbers are taken as they are.
    /// </summary>
    public char? DecimalSeparator { get; init; }

    /// <summary>Shared options for column roles, NA and suppression tokens and report checks.</summary>
    public TableColumnOptions Columns { get; init; } = new();
}

/// <summary>Column roles, NA and suppression tokens and import-report checks shared by the CSV and Excel readers.</summary>
public sealed class TableColumnOptions
{
    /// <summary>The default NA tokens (compared after trimming, case-insensitive): empty, <c>-</c>, <c>k.A.</c>, <c>NA</c>, <c>…</c>, <c>...</c>, <c>/</c>.</summary>
    public static IReadOnlyList<string> DefaultNaTokens { get; } = ["", "-", "k.A.", "kA", "NA", "…", "...", "/"];

    /// <summary>
    /// The default suppression tokens (case-insensitive): <c>.</c>, <c>x</c>, <c>*</c>. Censoring bounds such as
    /// <c>&lt;3</c> or <c>&lt; 5</c> are always recognised as suppressed at source.
    /// </summary>
    public static IReadOnlyList<string> DefaultSuppressedTokens { get; } = [".", "x", "*"];

    /// <summary>Key columns: read as text, never as numbers. The first is used for duplicate (key, year) checks.</summary>
    public IReadOnlyList<string> KeyColumns { get; init; } = [];

    /// <summary>Columns forced to text.</summary>
    public IReadOnlyList<string> TextColumns { get; init; } = [];

    /// <summary>Columns declared numeric: text in them is an error, not a finding.</summary>
    public IReadOnlyList<string> NumericColumns { get; init; } = [];

    /// <summary>Count columns (non-negative integers expected): negative and non-integer values are reported as suspicious.</summary>
    public IReadOnlyList<string> CountColumns { get; init; } = [];

    /// <summary>The year column for duplicate (key, year) checks; <see langword="null"/> looks for <c>year</c>, <c>jahr</c> or <c>berichtsjahr</c>.</summary>
    public string? YearColumn { get; init; }

    /// <summary>Tokens read as missing (replaces <see cref="DefaultNaTokens"/>).</summary>
    public IReadOnlyList<string> NaTokens { get; init; } = DefaultNaTokens;

    /// <summary>Tokens read as suppressed at source (replaces <see cref="DefaultSuppressedTokens"/>).</summary>
    public IReadOnlyList<string> SuppressedTokens { get; init; } = DefaultSuppressedTokens;

    /// <summary>
    /// Whether a column whose values look like keys (digits with a leading zero such as <c>05570004</c>, or a name
    /// such as <c>ags</c>, <c>ars</c>, <c>id</c>, <c>schluessel</c>) is read as a key; default <see langword="true"/>.
    /// </summary>
    public bool DetectKeyColumns { get; init; } = true;

    /// <summary>Indicator definitions whose numerator and denominator columns are checked (numerator &gt; denominator, counts).</summary>
    public IReadOnlyList<Indicators.IndicatorDefinition> Indicators { get; init; } = [];

    /// <summary>
    /// The largest share of unparsable cells an auto-detected numeric column may have (default 0.05); such cells get
    /// <see cref="CellStatus.Invalid"/> and are reported. Above it the column is read as text.
    /// </summary>
    public double MaxInvalidShare { get; init; } = 0.05;
}
