using System.Globalization;
using System.Text;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Geo.IO;

namespace GeoPrevention.Analytics.Collection;

/// <summary>
/// Writes the yearly collection templates of an atlas's data suppliers (<see cref="AtlasManifest.Suppliers"/>): per
/// supplier one Excel workbook and one CSV file, named <c>&lt;supplier&gt;_&lt;year&gt;.xlsx</c> / <c>.csv</c>.
/// </summary>
/// <remarks>
/// Rules (the file layout is the contract with the intake check, see docs/collection.md):
/// <list type="number">
/// <item>Sheet <c>Daten</c>: row 1 holds the machine column ids — the table's key column, <c>name</c>, the table's year
/// column, then the supplier's columns in manifest order. One row per district of the table's layer, sorted by key
/// (ordinal). Keys and names are shared-string text cells with number format <c>@</c> (leading zeros are safe); the
/// year cell holds the reporting year; value cells are empty. Each value header carries a comment with label, unit,
/// definition and the kind of number asked for. Panes are frozen below the header and right of the name.</item>
/// <item>Value cells have a data validation: <c>count</c> → whole number ≥ 0, <c>amount</c> → decimal ≥ 0,
/// <c>number</c> → any decimal. The error style is <i>warning</i> with a German message, so that a supplier can still
/// confirm the suppression marks <c>x</c> and <c>&lt;3</c>, which the table reader takes as suppressed at source.</item>
/// <item>Sheet <c>Anleitung</c> (German): supplier, reporting year, due date (<see cref="AtlasSupplier.DueDate"/>), data
/// date of the table, layer, contact, the steps to fill in the template, the definitions of all requested columns and
/// the marks for missing values. The sheet is protected (without password) against accidental edits.</item>
/// <item>Sheet <c>Vorjahr</c>, only when the supplier has <c>previousYear</c> and the year before is in the atlas: the
/// same rows and columns for the previous year, with the values <see cref="AtlasData.View"/> publishes — the counts
/// after primary and secondary suppression (rounded if the atlas rounds). A withheld count shows the German mark
/// <c>geheim</c> (<c>nicht verfügbar</c> when unknown at source), never the value; columns that are not counts are not
/// shown (<c>nicht gezeigt</c>) because the confidentiality rules only cover counts. The sheet is protected.</item>
/// <item>CSV: the <c>Daten</c> sheet as German CSV: <c>;</c>, decimal comma, UTF-8 with BOM, CRLF; fields with
/// <c>;</c> or quotes are quoted.</item>
/// <item>Every file is written atomically (temporary file in the output folder, then renamed). Without
/// <see cref="TemplateOptions.Overwrite"/> an existing file stops the run before anything is written. The workbook bytes
/// are deterministic: fixed relationship ids, no timestamps, zip entries in a fixed order with a fixed date.</item>
/// </list>
/// </remarks>
public static class SupplierTemplates
{
    /// <summary>Name of the sheet the supplier fills in.</summary>
    public const string DataSheetName = "Daten";

    /// <summary>Name of the German instructions sheet.</summary>
    public const string InstructionsSheetName = "Anleitung";

    /// <summary>Name of the sheet with last year's publishable values.</summary>
    public const string PreviousYearSheetName = "Vorjahr";

    /// <summary>Column id of the district names in the templates.</summary>
    public const string NameColumn = "name";

    /// <summary>Mark on the <c>Vorjahr</c> sheet for a count withheld by the confidentiality rules.</summary>
    public const string WithheldMark = "geheim";

    /// <summary>Mark on the <c>Vorjahr</c> sheet for a count that was not available (suppressed or missing at source).</summary>
    public const string UnavailableMark = "nicht verfügbar";

    /// <summary>Mark on the <c>Vorjahr</c> sheet for a column that is not a count (not covered by the confidentiality rules, so not shown).</summary>
    public const string NotShownMark = "nicht gezeigt";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Writes the templates of every supplier, as xlsx and CSV, without overwriting.</summary>
    /// <param name="atlas">The loaded atlas.</param>
    /// <param name="year">The reporting year the suppliers are asked for.</param>
    /// <param name="outDir">Output folder (created if missing).</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The atlas has no suppliers, or <paramref name="outDir"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2999.</exception>
    /// <exception cref="IOException">A template file exists already, or a file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static TemplateResult Write(AtlasData atlas, int year, string outDir) => Write(atlas, year, outDir, TemplateOptions.Default);

    /// <summary>Writes the templates (rules in the class remarks).</summary>
    /// <param name="atlas">The loaded atlas.</param>
    /// <param name="year">The reporting year the suppliers are asked for.</param>
    /// <param name="outDir">Output folder (created if missing).</param>
    /// <param name="options">Supplier, formats, overwriting.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The atlas has no suppliers, no format is requested, or <paramref name="outDir"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2999.</exception>
    /// <exception cref="KeyNotFoundException"><see cref="TemplateOptions.Supplier"/> names no supplier of the atlas.</exception>
    /// <exception cref="IOException">A template file exists already (without <see cref="TemplateOptions.Overwrite"/>), or a file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static TemplateResult Write(AtlasData atlas, int year, string outDir, TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
        if ((options.Formats & TemplateFormats.Both) == 0)
        {
            throw new ArgumentException("At least one format (xlsx or CSV) must be requested.", nameof(options));
        }

        var manifest = atlas.Manifest;
        if (manifest.Suppliers.Count == 0)
        {
            throw new ArgumentException("The atlas has no suppliers; add a \"suppliers\" block to atlas.json (see docs/collection.md).", nameof(atlas));
        }

        IReadOnlyList<AtlasSupplier> suppliers = options.Supplier is null
            ? manifest.Suppliers
            : [manifest.FindSupplier(options.Supplier) ?? throw new KeyNotFoundException($"Unknown supplier '{options.Supplier}'; the atlas has: {string.Join(", ", manifest.Suppliers.Select(s => s.Id))}.")];

        var folder = Path.GetFullPath(outDir);
        var targets = suppliers.SelectMany(s => Formats(options.Formats).Select(f => Path.Combine(folder, FileName(s.Id, year, f)))).ToList();
        if (!options.Overwrite && targets.Where(File.Exists).ToList() is { Count: > 0 } existing)
        {
            throw new IOException($"Template file(s) exist already and are not overwritten (they may hold a supplier's figures): {string.Join(", ", existing)}. Choose another folder or allow overwriting.");
        }

        Directory.CreateDirectory(folder);
        var written = new List<SupplierTemplate>();
        var notes = new List<string>();
        foreach (var supplier in suppliers)
        {
            var model = BuildModel(atlas, supplier, year);
            if (supplier.PreviousYear && model.Previous is null)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{supplier.Id}: no Vorjahr sheet, the year {year - 1} is not in the atlas."));
            }

            string? xlsx = null, csv = null;
            if (options.Formats.HasFlag(TemplateFormats.Xlsx))
            {
                xlsx = Path.Combine(folder, FileName(supplier.Id, year, TemplateFormats.Xlsx));
                AtomicFile.WriteAllBytes(xlsx, TemplateWorkbook.Create(model), options.Overwrite);
            }

            if (options.Formats.HasFlag(TemplateFormats.Csv))
            {
                csv = Path.Combine(folder, FileName(supplier.Id, year, TemplateFormats.Csv));
                AtomicFile.WriteAllBytes(csv, CsvBytes(model), options.Overwrite);
            }

            var withheld = model.Previous is null ? 0 : model.Previous.Cells.Cast<PreviousCell>().Count(c => c.Marker is not null);
            written.Add(new SupplierTemplate(supplier.Id, xlsx, csv, model.Rows.Count, [.. supplier.Columns.Select(c => c.Column)], supplier.DueDate(year), model.Previous?.Year, withheld));
        }

        return new TemplateResult(year, written, notes);
    }

    /// <summary>The file name of a supplier's template: <c>&lt;supplier&gt;_&lt;year&gt;.xlsx</c> or <c>.csv</c>.</summary>
    /// <param name="supplierId">Supplier id.</param>
    /// <param name="year">Reporting year.</param>
    /// <param name="format">Exactly one of <see cref="TemplateFormats.Xlsx"/> and <see cref="TemplateFormats.Csv"/>.</param>
    /// <returns>The file name (no folder).</returns>
    /// <exception cref="ArgumentException"><paramref name="supplierId"/> is empty or <paramref name="format"/> is not a single format.</exception>
    public static string FileName(string supplierId, int year, TemplateFormats format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(supplierId);
        var extension = format switch
        {
            TemplateFormats.Xlsx => ".xlsx",
            TemplateFormats.Csv => ".csv",
            _ => throw new ArgumentException("Name one format: Xlsx or Csv.", nameof(format)),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{supplierId}_{year}{extension}");
    }

    private static IEnumerable<TemplateFormats> Formats(TemplateFormats formats)
        => new[] { TemplateFormats.Xlsx, TemplateFormats.Csv }.Where(f => formats.HasFlag(f));

    internal static TemplateModel BuildModel(AtlasData atlas, AtlasSupplier supplier, int year)
    {
        var manifest = atlas.Manifest;
        var table = manifest.FindTable(supplier.Table)!;
        var layer = manifest.FindLayer(table.Layer)!;
        var rows = atlas.GetLayer(layer.Id).Districts.Select(d => (d.Key, d.Name)).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        string[] header = [table.Key, NameColumn, table.Year, .. supplier.Columns.Select(c => c.Column)];
        var previous = supplier.PreviousYear && atlas.Years.Contains(year - 1) ? PreviousValues(atlas, table, layer, supplier, rows, year - 1) : null;
        return new TemplateModel(supplier, table, layer, year, header, rows, previous, Instructions(manifest, supplier, table, layer, rows.Count, year, previous is not null));
    }

    private static PreviousYearValues PreviousValues(AtlasData atlas, AtlasTable table, AtlasLayer layer, AtlasSupplier supplier, List<(string Key, string Name)> rows, int year)
    {
        var cells = new PreviousCell[rows.Count, supplier.Columns.Count];
        var tableYears = atlas.View.Suppression.Summaries.Select(s => (s.Table, s.Year)).ToHashSet();
        for (var c = 0; c < supplier.Columns.Count; c++)
        {
            var column = supplier.Columns[c];
            var countTable = AtlasData.CountTableName(table.Id, column.Column);
            for (var r = 0; r < rows.Count; r++)
            {
                if (column.Type != AtlasValueType.Count)
                {
                    cells[r, c] = new PreviousCell(null, NotShownMark);
                    continue;
                }

                if (!tableYears.Contains((countTable, year)))
                {
                    // Another table of the atlas has that year, this one has not.
                    cells[r, c] = new PreviousCell(null, UnavailableMark);
                    continue;
                }

                // The only way to a previous value is the publishable view: suppressed counts come back without value.
                var value = atlas.View.Count(new CountCell(countTable, AtlasData.UnitKey(layer.Id, rows[r].Key), year));
                cells[r, c] = value.Status switch
                {
                    CellStatus.Published => new PreviousCell(value.Value, null),
                    CellStatus.SuppressedAtSource => new PreviousCell(null, UnavailableMark),
                    _ => new PreviousCell(null, WithheldMark),
                };
            }
        }

        return new PreviousYearValues(year, cells);
    }

    private static List<InstructionLine> Instructions(AtlasManifest manifest, AtlasSupplier supplier, AtlasTable table, AtlasLayer layer, int districts, int year, bool hasPrevious)
    {
        var due = supplier.DueDate(year).ToString("dd.MM.yyyy", German);
        var contact = supplier.Contact ?? "die Stelle, die Ihnen diese Vorlage geschickt hat";
        var csvName = FileName(supplier.Id, year, TemplateFormats.Csv);
        var lines = new List<InstructionLine>
        {
            new(LineKind.Title, [string.Create(German, $"Datenlieferung {year}: {supplier.Label}")]),
            InstructionLine.Blank,
            new(LineKind.Field, ["Lieferant", supplier.Label]),
            new(LineKind.Field, ["Berichtsjahr", year.ToString(CultureInfo.InvariantCulture)]),
            new(LineKind.Field, ["Abgabe bis", due]),
            new(LineKind.Field, ["Datenstand (Stichtag)", table.DataDate ?? "siehe Definitionen"]),
            new(LineKind.Field, ["Gebietsebene", string.Create(German, $"{layer.Label} ({districts} Gebiete, Schlüssel in Spalte „{table.Key}“)")]),
            new(LineKind.Field, ["Ansprechpartner", contact]),
            new(LineKind.Field, ["Atlas", manifest.Title]),
            InstructionLine.Blank,
            new(LineKind.Heading, ["So füllen Sie die Vorlage aus"]),
        };

        var steps = new List<string>
        {
            $"Tragen Sie die Werte für {year} im Blatt „{DataSheetName}“ ein: eine Zeile je Gebiet, eine Spalte je Merkmal (Definitionen unten).",
            $"Ändern Sie die Spalten „{table.Key}“, „{NameColumn}“ und „{table.Year}“ nicht. Die Schlüssel sind Text mit führenden Nullen: bitte nicht in Zahlen umwandeln, keine Zeilen löschen und keine Gebiete hinzufügen.",
            "Ändern Sie die Überschriften in Zeile 1 nicht: Es sind die technischen Namen, an denen die Lieferung erkannt wird. Bezeichnung, Einheit und Definition stehen im Kommentar der Überschrift und unten.",
            "Tragen Sie Fallzahlen als ganze Zahlen ab 0 ein, Beträge als Zahlen ab 0 (höchstens zwei Nachkommastellen). Schreiben Sie keine Einheiten oder Anmerkungen in die Zellen.",
            "Werte, die Sie aus Datenschutzgründen nicht liefern dürfen, kennzeichnen Sie mit x, Werte unterhalb Ihrer Sperrschwelle mit <3 (bzw. <5). Excel warnt dann, weil keine Zahl eingetragen ist: Bestätigen Sie mit „Ja“.",
            "Eine echte Null tragen Sie als 0 ein; eine leere Zelle bedeutet „nicht bekannt“.",
        };
        if (hasPrevious)
        {
            steps.Add($"Das Blatt „{PreviousYearSheetName}“ zeigt zum Vergleich die veröffentlichten Werte von {year - 1}. „{WithheldMark}“ steht dort, wo die Geheimhaltungsregeln des Atlas keinen Wert erlauben. Das Blatt ist schreibgeschützt und wird beim Einlesen nicht verwendet.");
        }

        steps.Add($"Senden Sie die Datei bis zum {due} an: {contact}. Statt der Excel-Datei können Sie auch die CSV-Datei {csvName} ausfüllen (Trennzeichen Semikolon, Dezimalkomma, UTF-8).");
        lines.AddRange(steps.Select((s, i) => new InstructionLine(LineKind.Step, [string.Create(CultureInfo.InvariantCulture, $"{i + 1}."), s])));

        lines.Add(InstructionLine.Blank);
        lines.Add(new(LineKind.Heading, ["Definitionen der erfragten Merkmale"]));
        lines.Add(new(LineKind.TableHeader, ["Spalte", "Bezeichnung", "Einheit", "Art des Werts", "Definition"]));
        foreach (var c in supplier.Columns)
        {
            lines.Add(new(LineKind.TableRow, [c.Column, c.Label, c.Unit ?? "", TypeText(c.Type), c.Definition]));
        }

        lines.Add(InstructionLine.Blank);
        lines.Add(new(LineKind.Heading, ["Zeichen für fehlende Werte"]));
        lines.Add(new(LineKind.TableHeader, ["Zeichen", "Bedeutung"]));
        lines.Add(new(LineKind.TableRow, ["x", "Wert liegt vor, darf aber aus Datenschutzgründen nicht geliefert werden (an der Quelle gesperrt)"]));
        lines.Add(new(LineKind.TableRow, ["<3", "Wert ist kleiner als 3; tragen Sie Ihre eigene Sperrschwelle ein, z. B. <5"]));
        lines.Add(new(LineKind.TableRow, ["0", "Es gibt keine Fälle (echte Null)"]));
        lines.Add(new(LineKind.TableRow, ["(leer)", "Wert ist nicht bekannt"]));
        if (hasPrevious)
        {
            lines.Add(new(LineKind.TableRow, [WithheldMark, $"nur im Blatt „{PreviousYearSheetName}“: Wert wurde nach den Geheimhaltungsregeln des Atlas nicht veröffentlicht"]));
            lines.Add(new(LineKind.TableRow, [UnavailableMark, $"nur im Blatt „{PreviousYearSheetName}“: Wert lag im Vorjahr nicht vor"]));
            if (supplier.Columns.Any(c => c.Type != AtlasValueType.Count))
            {
                lines.Add(new(LineKind.TableRow, [NotShownMark, $"nur im Blatt „{PreviousYearSheetName}“: Vorjahreswerte werden nur für Fallzahlen gezeigt"]));
            }
        }

        return lines;
    }

    /// <summary>German text of a value type, used in the header comments and the definitions table.</summary>
    internal static string TypeText(AtlasValueType type) => type switch
    {
        AtlasValueType.Count => "ganze Zahl ab 0",
        AtlasValueType.Amount => "Zahl ab 0",
        _ => "Zahl",
    };

    private static byte[] CsvBytes(TemplateModel model)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', model.Header.Select(h => Tables.CsvField.Quote(h))).Append("\r\n");
        var year = model.Year.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, name) in model.Rows)
        {
            sb.Append(Tables.CsvField.Quote(key)).Append(';').Append(Tables.CsvField.Quote(name)).Append(';').Append(year);
            sb.Append(';', model.Supplier.Columns.Count).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}

/// <summary>Everything a template file shows (built once, written as xlsx and CSV).</summary>
internal sealed record TemplateModel(AtlasSupplier Supplier, AtlasTable Table, AtlasLayer Layer, int Year, IReadOnlyList<string> Header, IReadOnlyList<(string Key, string Name)> Rows, PreviousYearValues? Previous, IReadOnlyList<InstructionLine> Instructions);

/// <summary>One cell of the <c>Vorjahr</c> sheet: a published value or a German mark.</summary>
internal sealed record PreviousCell(double? Value, string? Marker);

/// <summary>The <c>Vorjahr</c> sheet: cells by row (district) and supplier column.</summary>
internal sealed record PreviousYearValues(int Year, PreviousCell[,] Cells);

/// <summary>How a line of the instructions sheet is styled.</summary>
internal enum LineKind
{
    Title,
    Heading,
    Field,
    Step,
    TableHeader,
    TableRow,
    Blank,
}

/// <summary>One line of the instructions sheet.</summary>
internal sealed record InstructionLine(LineKind Kind, IReadOnlyList<string> Cells)
{
    public static InstructionLine Blank { get; } = new(LineKind.Blank, []);
}
