using System.ComponentModel;
using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention template [atlas] --out DIR [--year Y] [--supplier S] [--csv-only] [--force]</c>: writes the yearly
/// collection templates of the atlas's suppliers with <see cref="SupplierTemplates"/> — per supplier an xlsx workbook
/// (sheets Daten, Anleitung, Vorjahr) and a CSV variant — and prints one German line per supplier.
/// </summary>
internal sealed class TemplateCommand : Command<TemplateCommand.Settings>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Settings of <c>template</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>The atlas file or folder.</summary>
        [CommandArgument(0, "[atlas]")]
        [Description("atlas.json (or its folder); default: GEOPREVENTION_ATLAS, then the nearest data/atlas.json")]
        public string? Atlas { get; init; }

        /// <summary>Output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Output folder for the templates (created if missing)")]
        public string? Out { get; init; }

        /// <summary>Reporting year.</summary>
        [CommandOption("-y|--year <YEAR>")]
        [Description("Reporting year asked for; default: the year after the latest year in the data")]
        public int? Year { get; init; }

        /// <summary>Only one supplier.</summary>
        [CommandOption("--supplier <ID>")]
        [Description("Only this supplier (id from the atlas's suppliers); default: every supplier")]
        public string? Supplier { get; init; }

        /// <summary>Only the CSV variant.</summary>
        [CommandOption("--csv-only")]
        [Description("Write only the CSV variant, no xlsx workbook")]
        public bool CsvOnly { get; init; }

        /// <summary>Overwrite existing template files.</summary>
        [CommandOption("--force")]
        [Description("Overwrite existing template files (they may already hold a supplier's figures)")]
        public bool Force { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out DIR is required.");
            }

            return Year is < 1900 or > 2999
                ? ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--year {Year} is not a plausible reporting year (1900–2999)."))
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var atlas = AtlasData.Load(AtlasLocator.Resolve(settings.Atlas));
        var year = settings.Year ?? atlas.Years[^1] + 1;
        var result = SupplierTemplates.Write(atlas, year, settings.Out!, new TemplateOptions
        {
            Supplier = settings.Supplier,
            Formats = settings.CsvOnly ? TemplateFormats.Csv : TemplateFormats.Both,
            Overwrite = settings.Force,
        });

        var folder = Path.GetFullPath(settings.Out!);
        Console.Out.WriteLine(string.Create(German, $"Vorlagen für das Berichtsjahr {year} in {folder}:"));
        foreach (var t in result.Templates)
        {
            var supplier = atlas.Manifest.FindSupplier(t.SupplierId)!;
            var files = string.Join(", ", new[] { t.XlsxPath, t.CsvPath }.OfType<string>().Select(Path.GetFileName));
            var previous = t.PreviousYear is { } p
                ? string.Create(German, $", Vorjahr {p} ({t.WithheldPreviousValues} Werte gesperrt)")
                : supplier.PreviousYear && !settings.CsvOnly ? string.Create(German, $", kein Vorjahr ({year - 1} ist nicht im Atlas)") : "";
            var columns = t.Columns.Count == 1 ? "1 Merkmal" : string.Create(German, $"{t.Columns.Count} Merkmale");
            Console.Out.WriteLine(string.Create(German, $"  {t.SupplierId} ({supplier.Label}): {files} – {t.Districts} Gebiete, {columns}, Abgabe bis {t.DueDate:dd.MM.yyyy}{previous}"));
        }

        return ExitCodes.Ok;
    }
}
