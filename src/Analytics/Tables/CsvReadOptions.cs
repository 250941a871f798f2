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

    /// <summary>
    /// Reads only the rows whose cell in <see cref="TableRowFilter.Column"/> matches (e.g. one year of a long table);
    /// <see langword="null"/> (default) reads every row. Rows left out are never typed or stored, so typing, the
    /// import report and its checks see only the rows that are kept; their number is
    /// <see cref="ImportReport.RowsSkipped"/>. Line numbers stay those of the file.
    /// </summary>
    public TableRowFilter? RowFilter { get; init; }

    /// <summary>
    /// Reads only these columns (in file order); <see langword="null"/> (default) reads all. Every column named by
    /// another option (<see cref="KeyColumns"/>, <see cref="TextColumns"/>, <see cref="NumericColumns"/>,
    /// <see cref="CountColumns"/>, <see cref="YearColumn"/>, the numerators and denominators of
    /// <see cref="Indicators"/>, <see cref="RowFilter"/>) and a column named <c>year</c>, <c>jahr</c> or
    /// <c>berichtsjahr</c> are read as well. The other columns are still counted (a ragged row is still an error)
    /// but never typed or stored.
    /// </summary>
    public IReadOnlyList<string>? SelectColumns { get; init; }
}

/// <summary>
/// A row filter applied while a table is read (<see cref="TableColumnOptions.RowFilter"/>): a row is kept when the
/// text of its cell in <see cref="Column"/> equals one of <see cref="Values"/>.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item>The cell text is compared after removing the quotes of a quoted field (<c>""</c> becomes <c>"</c>) and
/// trimming white space (also NBSP); the values are trimmed too. The comparison is ordinal (case-sensitive): it is
/// a text comparison, so <c>2023</c> does not match <c>2023,0</c>.</item>
/// <item>A row whose cell is empty matches only an empty value.</item>
/// <item>The header row is never filtered. A ragged row is an error even when it would be filtered out.</item>
/// <item>For Excel, a cell stored as a number is compared in its invariant text form (<c>2023</c>).</item>
/// </list>
/// </remarks>
public sealed class TableRowFilter
{
    /// <summary>The column whose cell decides (header name, or <c>ColumnN</c> without header).</summary>
    public required string Column { get; init; }

    /// <summary>The accepted cell texts.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>A filter keeping the rows of one year.</summary>
    /// <param name="column">The year column, e.g. <c>year</c> or <c>Jahr</c>.</param>
    /// <param name="year">The year to keep.</param>
    /// <exception cref="ArgumentException"><paramref name="column"/> is null or empty.</exception>
    public static TableRowFilter ForYear(string column, int year)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        return new TableRowFilter { Column = column, Values = [year.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
    }
}
