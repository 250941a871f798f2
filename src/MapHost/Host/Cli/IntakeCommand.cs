using System.ComponentModel;
using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention intake &lt;atlas&gt; &lt;file&gt; [--supplier S] [--year Y] [--accept] [--by NAME] [--report DIR]</c>:
/// checks a supplier's delivery against the atlas (<see cref="IntakeCheck"/>), prints the findings in German, writes
/// the intake report (HTML and xlsx) on request and, with <c>--accept</c> and no blocking finding, registers the
/// delivery as a new vintage (<see cref="DeliveryStore"/>). Exit code 0 when the delivery is acceptable (or was
/// accepted), <see cref="ExitCodes.DeliveryRejected"/> when it has blocking findings, <see cref="ExitCodes.DeliveryChanged"/> when
/// the file changed between the check and the accept (mapped by <see cref="ExitCodes.Report"/>).
/// </summary>
internal sealed class IntakeCommand : Command<IntakeCommand.Settings>
{
    /// <summary>Settings of <c>intake</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>The atlas file or folder.</summary>
        [CommandArgument(0, "<atlas>")]
        [Description("atlas.json (or its folder)")]
        public string Atlas { get; init; } = "";

        /// <summary>The delivered file.</summary>
        [CommandArgument(1, "<file>")]
        [Description("The delivery: a returned template (.xlsx) or a CSV/xlsx table in the supplier's columns")]
        public string File { get; init; } = "";

        /// <summary>Supplier id.</summary>
        [CommandOption("--supplier <ID>")]
        [Description("Supplier id; default: detected from the file's columns")]
        public string? Supplier { get; init; }

        /// <summary>Reporting year.</summary>
        [CommandOption("-y|--year <YEAR>")]
        [Description("Reporting year; default: the most frequent year in the file's year column")]
        public int? Year { get; init; }

        /// <summary>Accept the delivery.</summary>
        [CommandOption("--accept")]
        [Description("Accept the delivery as a new vintage when there is no blocking finding")]
        public bool Accept { get; init; }

        /// <summary>Who delivered.</summary>
        [CommandOption("--by <NAME>")]
        [Description("Who delivered (recorded in deliveries/log.json)")]
        public string? By { get; init; }

        /// <summary>Report folder.</summary>
        [CommandOption("--report <DIR>")]
        [Description("Write eingangspruefung.html and eingangspruefung.xlsx into this folder")]
        public string? Report { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(File))
            {
                return ValidationResult.Error("The delivered file is required: geoprevention intake <atlas> <file>.");
            }

            if (Year is < 1900 or > 2199)
            {
                return ValidationResult.Error($"--year {Year} is not a plausible reporting year.");
            }

            return By is not null && string.IsNullOrWhiteSpace(By) ? ValidationResult.Error("--by needs a name.") : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var atlas = AtlasData.Load(AtlasLocator.Resolve(settings.Atlas));
        var checkedAt = DateTimeOffset.UtcNow;
        var result = IntakeCheck.Check(atlas, settings.File, new IntakeOptions { Supplier = settings.Supplier, Year = settings.Year });
        DeliveryLogEntry? accepted = null;
        if (settings.Accept && !result.HasBlocking)
        {
            accepted = DeliveryStore.Accept(result, new DeliveryAcceptOptions { DeliveredBy = settings.By?.Trim() });
        }

        foreach (var line in IntakeReport.Summary(result, accepted))
        {
            Console.Out.WriteLine(line);
        }

        foreach (var f in result.Findings)
        {
            var where = string.Join(", ", new[] { f.Key is null ? null : $"{f.Key}{(f.DistrictName is null ? "" : " " + f.DistrictName)}", f.Column, f.Cell }.OfType<string>());
            Console.Out.WriteLine($"  [{IntakeReport.Label(f.Severity)}] {(where.Length > 0 ? where + ": " : "")}{f.Message}");
        }

        if (settings.Report is { } dir)
        {
            var (html, xlsx) = IntakeReport.Write(result, accepted, dir, checkedAt);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bericht: {html}, {xlsx}"));
        }

        if (settings.Accept && result.HasBlocking)
        {
            Console.Error.WriteLine("geoprevention: the delivery has blocking findings and was not accepted.");
        }

        return result.HasBlocking ? ExitCodes.DeliveryRejected : ExitCodes.Ok;
    }
}
