using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GeoPrevention.Analytics.Tables;

/// <summary>The kind of an import finding.</summary>
public enum ImportFindingKind
{
    /// <summary>Text in an auto-detected numeric column (the cell becomes <see cref="CellStatus.Invalid"/>).</summary>
    TextInNumericColumn,

    /// <summary>A negative value in a count column.</summary>
    NegativeCount,

    /// <summary>A non-integer value in a count column.</summary>
    NonIntegerCount,

    /// <summary>A numerator larger than its denominator (per indicator definition).</summary>
    NumeratorExceedsDenominator,

    /// <summary>A (key, year) pair that occurs on more than one row.</summary>
    DuplicateKey,

    /// <summary>A row without a key.</summary>
    MissingKey,

    /// <summary>A header name that was empty or repeated and has been renamed.</summary>
    RenamedColumn,
}

/// <summary>A data-quality finding of an import, with its position in the file.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Line">1-based source line (CSV) or sheet row (Excel).</param>
/// <param name="Column">The column name, if the finding is about one column.</param>
/// <param name="Key">The row key, if known.</param>
/// <param name="Message">A readable explanation (English, invariant numbers).</param>
public sealed record ImportFinding(ImportFindingKind Kind, int Line, string? Column, string? Key, string Message);

/// <summary>How a file was read: the detected (or overridden) dialect and the reasons.</summary>
/// <param name="Format">"CSV" or "XLSX".</param>
/// <param name="Delimiter">The field delimiter (CSV), else <see langword="null"/>.</param>
/// <param name="Encoding">The encoding name (CSV), e.g. "utf-8" or "windows-1252".</param>
/// <param name="HasBom">Whether a UTF-8 byte-order mark was present.</param>
/// <param name="HasHeader">Whether the first row was taken as header.</param>
/// <param name="HeaderLine">1-based line of the header (0 when there is none).</param>
/// <param name="Reasons">Why each setting was chosen ("detected: …" or "option: …").</param>
public sealed record TableDialect(string Format, char? Delimiter, string? Encoding, bool HasBom, bool HasHeader, int HeaderLine, IReadOnlyList<string> Reasons);

/// <summary>Summary of one column after typing.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">Key, text or numeric.</param>
/// <param name="ValueCount">Cells with a value.</param>
/// <param name="MissingCount">Cells missing (empty or an NA token).</param>
/// <param name="SuppressedCount">Cells suppressed at source (<c>.</c>, <c>x</c>, <c>*</c>, <c>&lt;3</c>).</param>
/// <param name="InvalidCount">Text cells in an auto-detected numeric column.</param>
/// <param name="Min">Smallest numeric value, if any.</param>
/// <param name="Max">Largest numeric value, if any.</param>
/// <param name="DecimalSeparator">The decimal separator used for the column (numeric columns).</param>
/// <param name="ThousandsSeparators">Thousands separators seen in the column, e.g. ". " (numeric columns).</param>
/// <param name="Reason">Why the column got its kind (and decimal separator).</param>
public sealed record ColumnReport(string Name, ColumnKind Kind, int ValueCount, int MissingCount, int SuppressedCount, int InvalidCount, double? Min, double? Max, char? DecimalSeparator, string? ThousandsSeparators, string Reason);

/// <summary>
/// What an import found: the dialect, a summary per column and data-quality findings with line numbers.
/// Render it for people with <see cref="ToText"/> (German number format) or for machines with <see cref="ToJson"/>.
/// </summary>
public sealed class ImportReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="source">The file.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="rowCount">The number of data rows.</param>
    /// <param name="columns">The column summaries.</param>
    /// <param name="findings">The findings.</param>
    public ImportReport(string source, TableDialect dialect, int rowCount, IReadOnlyList<ColumnReport> columns, IReadOnlyList<ImportFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(findings);
        Source = source;
        Dialect = dialect;
        RowCount = rowCount;
        Columns = columns;
        Findings = findings;
    }

    /// <summary>The file.</summary>
    public string Source { get; }

    /// <summary>The detected or overridden dialect.</summary>
    public TableDialect Dialect { get; }

    /// <summary>The number of data rows.</summary>
    public int RowCount { get; }

    /// <summary>
    /// Data rows left out by <see cref="TableColumnOptions.RowFilter"/> (not counted in <see cref="RowCount"/>,
    /// not typed and not checked); 0 without a row filter.
    /// </summary>
    public int RowsSkipped { get; init; }

    /// <summary>One summary per column, in source order.</summary>
    public IReadOnlyList<ColumnReport> Columns { get; }

    /// <summary>Data-quality findings in line order.</summary>
    public IReadOnlyList<ImportFinding> Findings { get; }

    /// <summary>The findings of one kind.</summary>
    /// <param name="kind">The kind.</param>
    public IReadOnlyList<ImportFinding> FindingsOf(ImportFindingKind kind) => [.. Findings.Where(f => f.Kind == kind)];

    /// <summary>A plain-text report for people; numbers in German format (de-DE).</summary>
    public string ToText()
    {
        var de = CultureInfo.GetCultureInfo("de-DE");
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Importbericht: {Source}");
        sb.Append(CultureInfo.InvariantCulture, $"Format: {Dialect.Format}");
        if (Dialect.Delimiter is { } d)
        {
            sb.Append(CultureInfo.InvariantCulture, $", Trennzeichen '{CsvTokenizer.Printable(d)}'");
        }

        if (Dialect.Encoding is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", Kodierung {Dialect.Encoding}{(Dialect.HasBom ? " (mit BOM)" : string.Empty)}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $", Kopfzeile: {(Dialect.HasHeader ? "ja (Zeile " + Dialect.HeaderLine.ToString(CultureInfo.InvariantCulture) + ")" : "nein")}");
        foreach (var r in Dialect.Reasons)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {r}");
        }

        sb.AppendLine(de, $"Datenzeilen: {RowCount:N0}");
        if (RowsSkipped > 0)
        {
            sb.AppendLine(de, $"Durch den Zeilenfilter ausgelassen: {RowsSkipped:N0}");
        }

        sb.AppendLine("Spalten:");
        foreach (var c in Columns)
        {
            var kind = c.Kind switch { ColumnKind.Key => "Schlüssel", ColumnKind.Text => "Text", _ => "Zahl" };
            sb.Append(de, $"  {c.Name}: {kind}; Werte {c.ValueCount:N0}, fehlend {c.MissingCount:N0}, an der Quelle gesperrt {c.SuppressedCount:N0}");
            if (c.InvalidCount > 0)
            {
                sb.Append(de, $", ungültig {c.InvalidCount:N0}");
            }

            if (c.Min is { } min && c.Max is { } max)
            {
                sb.Append(de, $"; Min {min:#,##0.######}, Max {max:#,##0.######}");
            }

            if (c.DecimalSeparator is { } ds)
            {
                sb.Append(CultureInfo.InvariantCulture, $"; Dezimalzeichen '{ds}'");
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $" ({c.Reason})");
        }

        sb.AppendLine(de, $"Auffälligkeiten: {Findings.Count:N0}");
        foreach (var f in Findings)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  Zeile {f.Line}{(f.Column is null ? string.Empty : ", Spalte " + f.Column)}: {f.Message}");
        }

        return sb.ToString();
    }

    /// <summary>The report as indented JSON (invariant culture, camelCase names).</summary>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("source", Source);
            w.WriteNumber("rowCount", RowCount);
            w.WriteNumber("rowsSkipped", RowsSkipped);
            w.WriteStartObject("dialect");
            w.WriteString("format", Dialect.Format);
            WriteNullableString(w, "delimiter", Dialect.Delimiter?.ToString());
            WriteNullableString(w, "encoding", Dialect.Encoding);
            w.WriteBoolean("hasBom", Dialect.HasBom);
            w.WriteBoolean("hasHeader", Dialect.HasHeader);
            w.WriteNumber("headerLine", Dialect.HeaderLine);
            w.WriteStartArray("reasons");
            foreach (var r in Dialect.Reasons)
            {
                w.WriteStringValue(r);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("columns");
            foreach (var c in Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("kind", c.Kind.ToString().ToLowerInvariant());
                w.WriteNumber("values", c.ValueCount);
                w.WriteNumber("missing", c.MissingCount);
                w.WriteNumber("suppressedAtSource", c.SuppressedCount);
                w.WriteNumber("invalid", c.InvalidCount);
                WriteNullableNumber(w, "min", c.Min);
                WriteNullableNumber(w, "max", c.Max);
                WriteNullableString(w, "decimalSeparator", c.DecimalSeparator?.ToString());
                WriteNullableString(w, "thousandsSeparators", c.ThousandsSeparators);
                w.WriteString("reason", c.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in Findings)
            {
                w.WriteStartObject();
                w.WriteString("kind", f.Kind.ToString());
                w.WriteNumber("line", f.Line);
                WriteNullableString(w, "column", f.Column);
                WriteNullableString(w, "key", f.Key);
                w.WriteString("message", f.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
