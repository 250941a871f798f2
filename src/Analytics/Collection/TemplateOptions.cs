namespace GeoPrevention.Analytics.Collection;

/// <summary>Which files <see cref="SupplierTemplates.Write(Atlas.AtlasData, int, string, TemplateOptions)"/> writes per supplier.</summary>
[Flags]
public enum TemplateFormats
{
    /// <summary>The Excel workbook (<c>.xlsx</c>) with the sheets <c>Daten</c>, <c>Anleitung</c> and, where allowed, <c>Vorjahr</c>.</summary>
    Xlsx = 1,

    /// <summary>The CSV variant of the <c>Daten</c> sheet (<c>;</c>, decimal comma, UTF-8 with BOM).</summary>
    Csv = 2,

    /// <summary>Both files (default).</summary>
    Both = Xlsx | Csv,
}

/// <summary>Options of <see cref="SupplierTemplates.Write(Atlas.AtlasData, int, string, TemplateOptions)"/>.</summary>
public sealed class TemplateOptions
{
    /// <summary>The default options: every supplier, both formats, no overwriting.</summary>
    public static TemplateOptions Default { get; } = new();

    /// <summary>Only this supplier (its id); <see langword="null"/> (default) writes a template for every supplier.</summary>
    public string? Supplier { get; init; }

    /// <summary>The files to write (default <see cref="TemplateFormats.Both"/>).</summary>
    public TemplateFormats Formats { get; init; } = TemplateFormats.Both;

    /// <summary>
    /// Replace existing template files of the same name (default false: an existing file, which may already hold a
    /// supplier's figures, stops the run with an <see cref="IOException"/> and is left untouched).
    /// </summary>
    public bool Overwrite { get; init; }
}

/// <summary>The templates written for one supplier.</summary>
/// <param name="SupplierId">Supplier id.</param>
/// <param name="XlsxPath">Full path of the workbook, or null when not requested.</param>
/// <param name="CsvPath">Full path of the CSV variant, or null when not requested.</param>
/// <param name="Districts">Number of district rows (the districts of the table's layer).</param>
/// <param name="Columns">The value columns asked for, in template order.</param>
/// <param name="DueDate">The due date of the delivery.</param>
/// <param name="PreviousYear">The year shown on the <c>Vorjahr</c> sheet, or null when the sheet is not written.</param>
/// <param name="WithheldPreviousValues">Cells of the <c>Vorjahr</c> sheet withheld by the confidentiality rules (or not shown because they are not counts).</param>
public sealed record SupplierTemplate(string SupplierId, string? XlsxPath, string? CsvPath, int Districts, IReadOnlyList<string> Columns, DateOnly DueDate, int? PreviousYear, int WithheldPreviousValues);

/// <summary>The result of <see cref="SupplierTemplates.Write(Atlas.AtlasData, int, string, TemplateOptions)"/>.</summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Templates">One entry per supplier, in manifest order.</param>
/// <param name="Notes">Things the caller should know (e.g. no previous-year values because that year is not in the atlas).</param>
public sealed record TemplateResult(int Year, IReadOnlyList<SupplierTemplate> Templates, IReadOnlyList<string> Notes);
